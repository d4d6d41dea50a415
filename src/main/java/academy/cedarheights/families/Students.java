package academy.cedarheights.families;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.persistence.Like;
import academy.cedarheights.platform.persistence.SchoolRows;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.MergePatch;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.StillInUse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The school's students. Ages 4 to 18 (on the school's today); consent to the school's policy is
 * recorded when the student is added; removing a student keeps the row (soft delete) for the history
 * that refers to it.
 */
@Service
@Transactional
public class Students {

    /** A family is a household: more children than this is a mistake or an attack, not a family. */
    static final int MAX_CHILDREN = 10;

    static final int YOUNGEST = 4;
    static final int OLDEST = 18;
    static final String SELECT = """
            select id, payee_id, name, birth_date, instrument_id, teacher_pref_id, true as consent_policy_accepted,
                   consent_policy_accepted_at, created_at, updated_at
              from students""";
    private static final Map<String, String> SORTABLE = Map.of("name", "name", "birth_date", "birth_date",
            "created_at", "created_at");
    static final String KIND = "student";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MergePatch patches;
    private final SchoolRows rows;
    private final Clock clock;
    private final Consents consents;

    Students(JdbcClient jdbc, AuditTrail audit, MergePatch patches, SchoolRows rows, Clock clock, Consents consents) {
        this.consents = consents;
        this.jdbc = jdbc;
        this.audit = audit;
        this.patches = patches;
        this.rows = rows;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Student> list(UUID school, UUID payeeId, UUID instrumentId, PageQuery query) {
        String where = """
                 where school_id = :school and deleted_at is null
                   and (cast(:payee as uuid) is null or payee_id = :payee)
                   and (cast(:instrument as uuid) is null or instrument_id = :instrument)""";
        var items = jdbc.sql(SELECT + " " + where + " order by " + query.orderBy(SORTABLE, "name") + " limit :limit offset :offset")
                .param("school", school).param("payee", payeeId).param("instrument", instrumentId)
                .param("limit", query.pageSize()).param("offset", query.offset())
                .query(Student.class).list();
        long total = jdbc.sql("select count(*) from students " + where)
                .param("school", school).param("payee", payeeId).param("instrument", instrumentId)
                .query(Long.class).single();
        return query.page(items, total);
    }

    /** The first few children whose name has {@code typed} in it, for a picker that searches instead of listing all. */
    @Transactional(readOnly = true)
    public List<Student> named(UUID school, String typed, int limit) {
        return jdbc.sql(SELECT + " where school_id = :school and deleted_at is null and name ilike :pattern"
                        + " order by name, id limit :limit")
                .param("school", school).param("pattern", Like.containing(typed)).param("limit", limit)
                .query(Student.class).list();
    }

    @Transactional(readOnly = true)
    public Student get(UUID school, UUID id) {
        return jdbc.sql(SELECT + " where school_id = :school and id = :id and deleted_at is null")
                .param("school", school).param("id", id)
                .query(Student.class).optional().orElseThrow(() -> new NoSuchRecord(KIND, id));
    }

    @Transactional(readOnly = true)
    /** The child, if it belongs to the family whose parent signs in as {@code subject}: one query, on every booking. */
    Optional<Student> ofParent(UUID school, String subject, UUID studentId) {
        return jdbc.sql(SELECT + " where school_id = :school and id = :id and deleted_at is null and payee_id = "
                        + "(select id from payees where school_id = :school and identity_subject = :subject)")
                .param("school", school).param("id", studentId).param("subject", subject).query(Student.class).optional();
    }

    /** The children of a page of families, in one query, by family. */
    @Transactional(readOnly = true)
    public Map<UUID, List<Student>> ofFamilies(UUID school, Collection<UUID> payees) {
        if (payees.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql(SELECT + " where school_id = :school and payee_id in (:payees) and deleted_at is null order by name, id")
                .param("school", school).param("payees", payees).query(Student.class).list().stream()
                .collect(Collectors.groupingBy(Student::payeeId));
    }

    /** A family's children on record now. */
    @Transactional(readOnly = true)
    public List<Student> ofFamily(UUID school, UUID payeeId) {
        return jdbc.sql(SELECT + " where school_id = :school and payee_id = :payee and deleted_at is null order by name, id")
                .param("school", school).param("payee", payeeId).query(Student.class).list();
    }

    /** Every child the family ever had on record, removed ones too, with when they were removed. */
    @Transactional(readOnly = true)
    List<StudentOnRecord> everOfFamily(UUID school, UUID payeeId) {
        return jdbc.sql("""
                        select id, name, birth_date, instrument_id, teacher_pref_id, consent_policy_accepted_at,
                               created_at, deleted_at
                          from students where school_id = :school and payee_id = :payee order by name, id""")
                .param("school", school).param("payee", payeeId).query(StudentOnRecord.class).list();
    }

    record StudentOnRecord(UUID id, String name, LocalDate birthDate, UUID instrumentId, UUID teacherPrefId,
                           java.time.Instant consentPolicyAcceptedAt, java.time.Instant createdAt,
                           java.time.Instant deletedAt) {
    }

    /** A child added by the school ({@code how}: at its desk, by its API or an import), the family's consent given. */
    public Student create(UUID school, String actor, StudentRequest request, Consent.How how) {
        if (!rows.exists("payees", school, request.payeeId())) {
            throw new InvalidField("payee_id", "must be a payee of this school");
        }
        return add(school, actor, request.payeeId(), request.details(), how);
    }

    /**
     * Adds a child to a family (at most {@link #MAX_CHILDREN}); the consent time is now, and the consent is a line of
     * the family's ledger.
     */
    Student add(UUID school, String actor, UUID payeeId, StudentDetails details, Consent.How how) {
        check(school, details);
        // the family's row is locked first, so two concurrent additions cannot both see room for one more
        jdbc.sql("select id from payees where school_id = :school and id = :payee for update")
                .param("school", school).param("payee", payeeId).query(UUID.class).optional();
        int children = jdbc.sql("""
                        select count(*) from students where school_id = :school and payee_id = :payee and deleted_at is null""")
                .param("school", school).param("payee", payeeId).query(Integer.class).single();
        if (children >= MAX_CHILDREN) {
            throw new TooManyChildren();
        }
        UUID id = jdbc.sql("""
                        insert into students (school_id, payee_id, name, birth_date, instrument_id, teacher_pref_id,
                                              consent_policy_accepted_at)
                        values (:school, :payee, :name, :birth, :instrument, :teacher, now()) returning id""")
                .param("school", school).param("payee", payeeId).param("name", details.name().trim())
                .param("birth", details.birthDate()).param("instrument", details.instrumentId())
                .param("teacher", details.teacherPrefId())
                .query(UUID.class).single();
        consents.policyAccepted(school, payeeId, id, details.birthDate(), today(school), how, actor);
        Student created = get(school, id);
        audit.created(school, actor, KIND, id, created);
        return created;
    }

    public Student replace(UUID school, String actor, UUID id, StudentRequest request) {
        Student before = get(school, id);
        if (!rows.exists("payees", school, request.payeeId())) {
            throw new InvalidField("payee_id", "must be a payee of this school");
        }
        check(school, request.details());
        jdbc.sql("""
                        update students set payee_id = :payee, name = :name, birth_date = :birth, instrument_id = :instrument,
                                            teacher_pref_id = :teacher, updated_at = now()
                         where school_id = :school and id = :id""")
                .param("school", school).param("id", id).param("payee", request.payeeId())
                .param("name", request.name().trim()).param("birth", request.birthDate())
                .param("instrument", request.instrumentId()).param("teacher", request.teacherPrefId())
                .update();
        Student after = get(school, id);
        audit.updated(school, actor, KIND, id, before, after);
        return after;
    }

    public Student patch(UUID school, String actor, UUID id, JsonNode patch) {
        return replace(school, actor, id, patches.apply(get(school, id), patch, StudentRequest.class));
    }

    /** Soft delete; refused while the student holds a weekly slot. */
    public void delete(UUID school, String actor, UUID id) {
        Student before = get(school, id);
        boolean enrolled = jdbc.sql("""
                        select exists (select 1 from current_enrollments where school_id = :school and student_id = :id)""")
                .param("school", school).param("id", id).query(Boolean.class).single();
        if (enrolled) {
            throw new StillInUse("The student " + before.name() + " holds a weekly slot; cancel the enrollment first.");
        }
        jdbc.sql("update students set deleted_at = now(), updated_at = now() where school_id = :school and id = :id")
                .param("school", school).param("id", id).update();
        audit.deleted(school, actor, KIND, id, before);
    }

    private LocalDate today(UUID school) {
        String zone = jdbc.sql("select time_zone from schools where id = :school").param("school", school)
                .query(String.class).single();
        return LocalDate.now(clock.withZone(ZoneId.of(zone)));
    }

    /** The rules of a child on record: of age for lessons, learning one of the school's instruments. */
    void check(UUID school, StudentDetails details) {
        int age = Period.between(details.birthDate(), today(school)).getYears();
        if (age < YOUNGEST || age > OLDEST) {
            throw new InvalidField("birth_date", "the student must be " + YOUNGEST + " to " + OLDEST + " years old");
        }
        if (!rows.exists("instruments", school, details.instrumentId())) {
            throw new InvalidField("instrument_id", "must be an instrument of this school");
        }
        if (details.teacherPrefId() != null && !rows.exists("teachers", school, details.teacherPrefId())) {
            throw new InvalidField("teacher_pref_id", "must be a teacher of this school");
        }
    }

}
