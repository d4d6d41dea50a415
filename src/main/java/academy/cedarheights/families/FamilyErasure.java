package academy.cedarheights.families;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import academy.cedarheights.identity.AccountErasure;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.privacy.ErasedFamily;
import academy.cedarheights.platform.privacy.ErasedFamily.Value;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.Html;
import academy.cedarheights.platform.web.NoSuchRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first step of a family's erasure, on the families' own records: what the family is (read before it goes, for
 * the other modules' steps), then its name, address, phone, notes and sign-in link replaced by a pseudonym, its
 * children's names and birth dates likewise, and who gave each consent. The rows stay, so that the school's ledger
 * still has someone to belong to.
 */
@Service
public class FamilyErasure {

    static final String ERASED = "erased";
    private static final String ERASED_PHONE = "(erased phone)";
    private final JdbcClient jdbc;
    private final AccountErasure accounts;
    private final AuditTrail audit;
    private final Clock clock;

    FamilyErasure(JdbcClient jdbc, AccountErasure accounts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    private record Family(String name, String email, String phone, String identitySubject, String status) {
    }

    private record Child(UUID id, String name) {
    }

    /** Erases the family's own records and says who they were; 409 when it was erased already. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ErasedFamily erase(UUID school, UUID payee) {
        Family family = jdbc.sql("""
                        select name, email, phone, identity_subject, status from payees
                         where school_id = :school and id = :id for update""")
                .param("school", school).param("id", payee).query(Family.class).optional()
                .orElseThrow(() -> new NoSuchRecord("payee", payee));
        if (family.status().equals(ERASED)) {
            throw new ConflictWithCurrentState("This family's personal data was erased already.");
        }
        List<Child> children = jdbc.sql("select id, name from students where school_id = :school and payee_id = :payee")
                .param("school", school).param("payee", payee).query(Child.class).list();
        ErasedFamily erased = describe(school, payee, family, children);

        jdbc.sql("""
                        update payees set name = :pseudonym, email = :address, phone = null, notes = '', identity_subject = null,
                               reminder_emails = false, sms_opt_out = true, status = 'erased', erased_at = :now,
                               updated_at = now()
                         where school_id = :school and id = :id""")
                .param("school", school).param("id", payee).param("pseudonym", erased.pseudonym())
                .param("address", erased.address()).param("now", OffsetDateTime.now(clock)).update();
        for (Child child : children) {
            jdbc.sql("""
                            update students set name = :pseudonym, birth_date = null,
                                   deleted_at = coalesce(deleted_at, now()), updated_at = now()
                             where school_id = :school and id = :id""")
                    .param("school", school).param("id", child.id())
                    .param("pseudonym", ErasedFamily.pseudonymOf("pupil", child.id())).update();
        }
        // the ledger is append-only but for this one column, and only while this setting is on (V36)
        jdbc.sql("select set_config('app.erasing', 'on', true)").query().singleRow();
        erased.bind(jdbc.sql("update consents set by_whom = " + ErasedFamily.erased("by_whom")
                + " where school_id = :school and payee_id = :payee and " + ErasedFamily.mentions("by_whom"))).update();
        jdbc.sql("select set_config('app.erasing', 'off', true)").query().singleRow();
        return erased;
    }

    /**
     * Who the family is and was: its name, addresses and phone as they are and as the audit trail recorded them
     * before an edit (a name changed, an address replaced), its sign-in's address, and its children's names likewise.
     */
    private ErasedFamily describe(UUID school, UUID payee, Family family, List<Child> children) {
        String pseudonym = ErasedFamily.pseudonymOf("family", payee);
        String address = "erased-" + payee.toString().substring(0, 8) + "@erased.invalid";
        Set<String> emails = new LinkedHashSet<>(everyValue(school, Payees.KIND, payee, "email", family.email()));
        accounts.accountEmail(school, family.identitySubject()).ifPresent(emails::add);

        List<Value> values = new ArrayList<>();
        everyValue(school, Payees.KIND, payee, "name", family.name()).forEach(name -> named(values, name, pseudonym));
        emails.forEach(email -> values.add(Value.text(email, address)));
        everyValue(school, Payees.KIND, payee, "phone", family.phone())
                .forEach(phone -> values.add(Value.phone(phone, ERASED_PHONE)));
        for (Child child : children) {
            everyValue(school, Students.KIND, child.id(), "name", child.name())
                    .forEach(name -> named(values, name, ErasedFamily.pseudonymOf("pupil", child.id())));
        }
        return new ErasedFamily(school, payee, pseudonym, address, family.identitySubject(), List.copyOf(emails),
                children.stream().map(Child::id).toList(), values);
    }

    /** A field's value now (if any) and every value the audit trail recorded for it. */
    private Set<String> everyValue(UUID school, String kind, UUID id, String field, String now) {
        Set<String> values = new LinkedHashSet<>();
        if (now != null) {
            values.add(now);
        }
        values.addAll(audit.recordedValues(school, kind, id, field));
        return values;
    }

    /** A name as it is written, and as an email's HTML wrote it when that differs ("O'Brien" as "O&#39;Brien"). */
    private static void named(List<Value> values, String name, String pseudonym) {
        values.add(Value.text(name, pseudonym));
        String html = Html.escape(name);
        if (!html.equals(name)) {
            values.add(Value.text(html, pseudonym));
        }
    }
}
