package academy.cedarheights.families;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import academy.cedarheights.families.ImportResult.Rejected;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.schools.Catalogue;
import academy.cedarheights.schools.InstrumentView;
import jakarta.validation.Validator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * A school moving in from a spreadsheet or another system: families by their email, children by their name in the
 * family, so importing the same file twice changes nothing the second time. Every line is checked before it writes
 * (the same rules as the forms and the API); a refused line is reported with its column and the others go in. A dry
 * run does all of it in a transaction that is rolled back, so what it reports is exactly what the import would do.
 */
@Service
public class FamilyImport {

    /** The file's column of each field of a family's request (notes and status are kept from the record). */
    private static final Map<String, String> PAYEE_FIELDS = Map.of("name", "parent_name", "email", "parent_email",
            "phone", "parent_phone");

    private final JdbcClient jdbc;
    private final Payees payees;
    private final Students students;
    private final Catalogue catalogue;
    private final Validator validator;
    private final AuditTrail audit;

    FamilyImport(JdbcClient jdbc, Payees payees, Students students, Catalogue catalogue, Validator validator,
                 AuditTrail audit) {
        this.jdbc = jdbc;
        this.payees = payees;
        this.students = students;
        this.catalogue = catalogue;
        this.validator = validator;
        this.audit = audit;
    }

    @Transactional
    public ImportResult run(UUID school, String actor, String csv, boolean dryRun) {
        List<ImportFile.Line> lines = ImportFile.read(csv);
        Map<String, UUID> instruments = catalogue.instruments(school).stream()
                .collect(Collectors.toMap(instrument -> instrument.name().toLowerCase(Locale.ROOT), InstrumentView::id,
                        (first, second) -> first));
        Tally tally = new Tally();
        for (ImportFile.Line line : lines) {
            List<Rejected> refused = importLine(school, actor, line, instruments, tally);
            tally.rejected.addAll(refused);
        }
        ImportResult result = new ImportResult(dryRun, tally.created, tally.updated, tally.unchanged, tally.rejected);
        if (dryRun) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        } else {
            audit.record(school, actor, "families.imported", "import", null, Map.of("lines", lines.size(),
                    "created", result.created(), "updated", result.updated(), "rejected", result.rejected().size()));
        }
        return result;
    }

    private static final class Tally {
        int created;
        int updated;
        int unchanged;
        final List<Rejected> rejected = new ArrayList<>();

        void count(Change change) {
            switch (change) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
    }

    private enum Change { CREATED, UPDATED, UNCHANGED }

    /** The child a line names, checked; none for a line of a family alone. */
    private record ChildLine(String name, LocalDate birthDate, UUID instrumentId) {
    }

    /** Checks the whole line, then writes it: the family, then the child. Refused, it writes nothing. */
    private List<Rejected> importLine(UUID school, String actor, ImportFile.Line line, Map<String, UUID> instruments,
                                      Tally tally) {
        List<Rejected> refused = new ArrayList<>();
        Optional<Payee> existing = findPayee(school, line.cell("parent_email"));
        String phone = line.cell("parent_phone").isEmpty() ? existing.map(Payee::phone).orElse(null)
                : line.cell("parent_phone");
        PayeeRequest family = new PayeeRequest(line.cell("parent_name"), line.cell("parent_email"), phone,
                existing.map(Payee::status).orElse("active"), existing.map(Payee::notes).orElse(""));
        validator.validate(family).forEach(violation -> refused.add(new Rejected(line.number(),
                PAYEE_FIELDS.get(violation.getPropertyPath().toString()), violation.getMessage())));
        ChildLine child = child(line, instruments, refused);
        if (!refused.isEmpty()) {
            return refused;
        }
        try {
            if (child != null) {
                students.check(school,
                        new StudentDetails(child.name(), child.birthDate(), child.instrumentId(), null, true));
                existing.ifPresent(payee -> roomFor(school, payee, child));
            }
            UUID payee = savePayee(school, actor, existing, family, tally);
            if (child != null) {
                tally.count(saveChild(school, actor, payee, child));
            }
        } catch (InvalidField invalid) {
            refused.add(new Rejected(line.number(), invalid.field().equals("instrument_id") ? "instrument" : invalid.field(),
                    invalid.getMessage()));
        } catch (TooManyChildren full) {
            refused.add(new Rejected(line.number(), "child_name", full.getMessage()));
        }
        return refused;
    }

    private static ChildLine child(ImportFile.Line line, Map<String, UUID> instruments, List<Rejected> refused) {
        String name = line.cell("child_name");
        String birth = line.cell("birth_date");
        String instrument = line.cell("instrument");
        if (name.isEmpty()) {
            if (!birth.isEmpty() || !instrument.isEmpty()) {
                refused.add(new Rejected(line.number(), "child_name",
                        "must not be blank when a birth date or instrument is given"));
            }
            return null;
        }
        if (name.length() > 200) {
            refused.add(new Rejected(line.number(), "child_name", "size must be between 0 and 200"));
        }
        LocalDate birthDate = null;
        try {
            birthDate = LocalDate.parse(birth);
        } catch (DateTimeParseException unreadable) {
            refused.add(new Rejected(line.number(), "birth_date", "must be a date such as 2017-03-14"));
        }
        UUID instrumentId = instruments.get(instrument.toLowerCase(Locale.ROOT));
        if (instrumentId == null) {
            refused.add(new Rejected(line.number(), "instrument", "must be one of the school's instruments: "
                    + String.join(", ", instruments.keySet().stream().sorted().toList())));
        }
        return new ChildLine(name, birthDate, instrumentId);
    }

    /** A new child of a family that has as many as a family may have is refused before anything is written. */
    private void roomFor(UUID school, Payee payee, ChildLine child) {
        List<Student> children = students.ofFamily(school, payee.id());
        boolean known = children.stream().anyMatch(student -> student.name().equalsIgnoreCase(child.name()));
        if (!known && children.size() >= Students.MAX_CHILDREN) {
            throw new TooManyChildren();
        }
    }

    private UUID savePayee(UUID school, String actor, Optional<Payee> existing, PayeeRequest family, Tally tally) {
        if (existing.isEmpty()) {
            tally.count(Change.CREATED);
            return payees.create(school, actor, family).id();
        }
        Payee payee = existing.get();
        boolean same = payee.name().equals(family.name().strip()) && Objects.equals(payee.phone(), family.phone());
        if (same) {
            tally.count(Change.UNCHANGED);
        } else {
            payees.replace(school, actor, payee.id(), new PayeeRequest(family.name(), payee.email(), family.phone(),
                    payee.status(), payee.notes()));
            tally.count(Change.UPDATED);
        }
        return payee.id();
    }

    /** The school vouches that the family accepted its policy in the system it comes from, as it does at the desk. */
    private Change saveChild(UUID school, String actor, UUID payee, ChildLine child) {
        Map<String, Student> children = students.ofFamily(school, payee).stream()
                .collect(Collectors.toMap(student -> student.name().toLowerCase(Locale.ROOT), Function.identity(),
                        (first, second) -> first));
        Student known = children.get(child.name().toLowerCase(Locale.ROOT));
        if (known == null) {
            students.create(school, actor, new StudentRequest(payee, child.name(), child.birthDate(), child.instrumentId(),
                    null, true), Consent.How.IMPORT);
            return Change.CREATED;
        }
        if (known.birthDate().equals(child.birthDate()) && known.instrumentId().equals(child.instrumentId())) {
            return Change.UNCHANGED;
        }
        students.replace(school, actor, known.id(), new StudentRequest(payee, known.name(), child.birthDate(),
                child.instrumentId(), known.teacherPrefId(), true));
        return Change.UPDATED;
    }

    private Optional<Payee> findPayee(UUID school, String email) {
        return jdbc.sql(Payees.SELECT + " where school_id = :school and email = cast(:email as citext)")
                .param("school", school).param("email", email).query(Payee.class).optional();
    }
}
