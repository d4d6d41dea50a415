package academy.cedarheights.families;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.notifications.EmailLog;
import academy.cedarheights.notifications.TextLog;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.security.EmailNotVerified;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in parent's own family: their payee record (bound to their sign-in identity), their
 * children, and the export of everything held about them. Nothing here reaches another family.
 */
@Service
@Transactional
public class FamilyProfile {

    private final JdbcClient jdbc;
    private final Students students;
    private final AuditTrail audit;
    private final List<FamilyRecords> records;
    private final EmailLog emails;
    private final Welcome welcome;
    private final Consents consents;
    private final TextLog texts;

    FamilyProfile(JdbcClient jdbc, Students students, AuditTrail audit, List<FamilyRecords> records, EmailLog emails,
                  Welcome welcome, Consents consents, TextLog texts) {
        this.texts = texts;
        this.consents = consents;
        this.welcome = welcome;
        this.jdbc = jdbc;
        this.students = students;
        this.audit = audit;
        this.records = records;
        this.emails = emails;
    }

    /** The outcome of saving a profile: whether it was created just now. */
    public record Saved(Payee payee, boolean created) {
    }

    /**
     * Creates the caller's payee, or updates it: bound to the sign-in identity, or adopting the record the
     * school already made for the caller's email — only when the caller proved that address.
     */
    public Saved save(UUID school, Caller caller, ProfileRequest request) {
        Optional<Payee> existing = own(school, caller);
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("school", school);
        values.put("name", request.name().trim());
        values.put("email", caller.email());
        values.put("phone", request.phone());
        values.put("subject", caller.subject());
        values.put("verified", caller.emailVerified());
        boolean inserted = jdbc.sql("""
                        insert into payees (school_id, name, email, phone, identity_subject)
                        values (:school, :name, :email, :phone, :subject)
                        on conflict (school_id, email) do update
                           set name = excluded.name, phone = excluded.phone,
                               identity_subject = coalesce(payees.identity_subject, excluded.identity_subject),
                               updated_at = now()
                         where payees.identity_subject = excluded.identity_subject
                            or (payees.identity_subject is null and :verified)
                        returning (xmax = 0) as inserted""")
                .params(values).query(Boolean.class).optional()
                .orElseThrow(() -> caller.emailVerified()
                        ? new academy.cedarheights.platform.web.AlreadyExists(
                                "Another sign-in already owns the family record for " + caller.email() + ".")
                        : new EmailNotVerified());
        Payee payee = own(school, caller).orElseThrow();
        if (existing.isEmpty()) {
            audit.created(school, caller.email(), "payee", payee.id(), payee);
            welcome.send(school, payee.email(), payee.name());
        } else {
            audit.updated(school, caller.email(), "payee", payee.id(), existing.get(), payee);
        }
        return new Saved(payee, inserted);
    }

    /** Whether the signed-in parent has created their family profile (built-in sign-ups get one at once). */
    @Transactional(readOnly = true)
    public boolean hasProfile(UUID school, Caller caller) {
        return own(school, caller).isPresent();
    }

    @Transactional(readOnly = true)
    public Payee profile(UUID school, Caller caller) {
        return own(school, caller).orElseThrow(NoProfileYet::new);
    }

    /** A child the parent adds ({@code how}: on a page or by the API), the policy accepted for them. */
    public Student addChild(UUID school, Caller caller, StudentDetails child, Consent.How how) {
        Payee payee = own(school, caller).orElseThrow(FamilyNotSetUp::new);
        return students.add(school, caller.email(), payee.id(), child, how);
    }

    /**
     * The caller's payee when they may hold a lesson slot for it: holding commits the school's time, so it needs a
     * proven address (403 {@code email-not-verified}); 404 before their profile exists.
     */
    @Transactional(readOnly = true)
    public Payee payeeWhoMayHold(UUID school, Caller caller) {
        caller.requireVerifiedEmail();
        return payee(school, caller);
    }

    /** The caller's payee, or 404 before their profile exists. */
    @Transactional(readOnly = true)
    public Payee payee(UUID school, Caller caller) {
        return own(school, caller).orElseThrow(NoProfileYet::new);
    }

    /** One of the caller's children; another family's child answers 404 like an absent one. */
    @Transactional(readOnly = true)
    public Student child(UUID school, Caller caller, UUID studentId) {
        return students.ofParent(school, caller.subject(), studentId).orElseThrow(() -> own(school, caller).isPresent()
                ? new academy.cedarheights.platform.web.NoSuchRecord("student", studentId) : new NoProfileYet());
    }

    @Transactional(readOnly = true)
    public List<Student> children(UUID school, Caller caller) {
        return own(school, caller).map(payee -> students.ofFamily(school, payee.id())).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public ReminderPreferences preferences(UUID school, Caller caller) {
        Payee payee = own(school, caller).orElseThrow(NoProfileYet::new);
        return jdbc.sql("select reminder_emails, not sms_opt_out from payees where school_id = :school and id = :id")
                .param("school", school).param("id", payee.id())
                .query((rs, row) -> new ReminderPreferences(rs.getBoolean(1), rs.getBoolean(2))).single();
    }

    /** Takes effect at once: the next reminder run reads these. Each change is a line of the consent ledger. */
    public ReminderPreferences choose(UUID school, Caller caller, ReminderPreferences preferences, Consent.How how) {
        Payee payee = own(school, caller).orElseThrow(NoProfileYet::new);
        ReminderPreferences before = preferences(school, caller);
        jdbc.sql("""
                        update payees set reminder_emails = :emails, sms_opt_out = not :texts, updated_at = now()
                         where school_id = :school and id = :id""")
                .param("school", school).param("id", payee.id())
                .param("emails", preferences.lessonReminderEmails()).param("texts", preferences.lessonReminderTexts())
                .update();
        consents.choose(school, payee.id(), Consent.Purpose.REMINDER_EMAILS, preferences.lessonReminderEmails(), how,
                caller.email());
        consents.choose(school, payee.id(), Consent.Purpose.REMINDER_TEXTS, preferences.lessonReminderTexts(), how,
                caller.email());
        audit.updated(school, caller.email(), "reminder_preferences", payee.id(), before, preferences);
        return preferences;
    }

    /** The family's consent ledger, oldest first. */
    @Transactional(readOnly = true)
    public List<Consent> consents(UUID school, Caller caller) {
        return consents.ofFamily(school, own(school, caller).orElseThrow(NoProfileYet::new).id());
    }

    /** Everything held about the family, section by section; the export itself is audited. */
    public Map<String, Object> export(UUID school, Caller caller) {
        Payee payee = own(school, caller).orElseThrow(FamilyNotSetUp::new);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("payee", payee);
        document.put("students", students.everOfFamily(school, payee.id()));
        records.forEach(section -> document.put(section.section(), section.collect(school, payee.id(), payee.email())));
        document.put("emails", emails.sentTo(school, payee.email()));
        document.put("texts", payee.phone() == null ? List.of() : texts.sentTo(school, payee.phone()));
        document.put("consents", consents.ofFamily(school, payee.id()));
        audit.record(school, caller.email(), "family.exported", "payee", payee.id().toString(),
                Map.of("sections", List.copyOf(document.keySet())));
        return document;
    }

    private Optional<Payee> own(UUID school, Caller caller) {
        return jdbc.sql(Payees.SELECT + " where school_id = :school and identity_subject = :subject")
                .param("school", school).param("subject", caller.subject()).query(Payee.class).optional();
    }
}
