package academy.cedarheights.families;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.families.Consent.How;
import academy.cedarheights.families.Consent.Purpose;
import academy.cedarheights.platform.LowerCaseNamed;
import academy.cedarheights.platform.security.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consent ledger: each consent and withdrawal appended, never changed (the database refuses an update or a
 * delete), in the transaction of the change it records. A family's current choice is its latest line for a purpose.
 */
@Service
@Transactional
public class Consents {

    /** What a family accepts for each child, as the booking and family pages put it. */
    public static final String POLICY_STATEMENT = "I accept the school's policy on lessons, cancellations and make-ups.";
    /** A child younger than this cannot consent alone (Québec's Law 25): their guardian consents for them. */
    static final int AGE_OF_OWN_CONSENT = 14;
    private static final String POLICY_VERSION = version(POLICY_STATEMENT);
    private final JdbcClient jdbc;

    Consents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The school's policy accepted for a child, by the guardian when the child is under 14 on {@code today}. */
    void policyAccepted(UUID school, UUID payee, UUID student, LocalDate birthDate, LocalDate today, How how,
                        String byWhom) {
        append(school, payee, student, Purpose.SCHOOL_POLICY, true, how, byWhom,
                birthDate.isAfter(today.minusYears(AGE_OF_OWN_CONSENT)), POLICY_VERSION);
    }

    /** A family's choice for a purpose of its own (reminders, news), appended only when it changes. */
    void choose(UUID school, UUID payee, Purpose purpose, boolean granted, How how, String byWhom) {
        Boolean current = latest(school, payee, purpose);
        if (current == null || current != granted) {
            append(school, payee, null, purpose, granted, how, byWhom, false, null);
        }
    }

    /** Whether the family's latest word on {@code purpose} is a withdrawal. */
    @Transactional(readOnly = true)
    boolean withdrawn(UUID school, UUID payee, Purpose purpose) {
        return Boolean.FALSE.equals(latest(school, payee, purpose));
    }

    private Boolean latest(UUID school, UUID payee, Purpose purpose) {
        return jdbc.sql("""
                        select granted from consents where school_id = :school and payee_id = :payee and purpose = :purpose
                         order by seq desc limit 1""")
                .param("school", school).param("payee", payee).param("purpose", name(purpose))
                .query(Boolean.class).optional().orElse(null);
    }

    /** The family's ledger, oldest first. */
    @Transactional(readOnly = true)
    public List<Consent> ofFamily(UUID school, UUID payee) {
        return jdbc.sql("""
                        select c.purpose, c.student_id, st.name as student, c.granted, c.at, c.how, c.by_whom,
                               c.for_child, c.text_version
                          from consents c
                          left join students st on st.school_id = c.school_id and st.id = c.student_id
                         where c.school_id = :school and c.payee_id = :payee
                         order by c.seq""")
                .param("school", school).param("payee", payee).query(Consent.class).list();
    }

    private void append(UUID school, UUID payee, UUID student, Purpose purpose, boolean granted, How how, String byWhom,
                        boolean forChild, String textVersion) {
        jdbc.sql("""
                        insert into consents (school_id, payee_id, student_id, purpose, granted, how, by_whom, for_child,
                                              text_version)
                        values (:school, :payee, :student, :purpose, :granted, :how, :by, :forChild, :version)""")
                .param("school", school).param("payee", payee).param("student", student).param("purpose", name(purpose))
                .param("granted", granted).param("how", name(how)).param("by", byWhom).param("forChild", forChild)
                .param("version", textVersion).update();
    }

    private static String name(LowerCaseNamed value) {
        return value.key();
    }

    private static String version(String text) {
        return "sha256:" + Sha256.hex(text);
    }
}
