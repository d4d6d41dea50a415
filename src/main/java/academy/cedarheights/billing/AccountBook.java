package academy.cedarheights.billing;

import java.util.Map;
import java.util.UUID;

import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.families.Payees;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.web.InvalidField;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A family's account as the family and the school's admins see it, and the payments an admin records by hand. */
@Service
@Transactional
public class AccountBook {

    private final Ledger ledger;
    private final Receipts receipts;
    private final FamilyProfile families;
    private final Payees payees;
    private final AuditTrail audit;
    private final JdbcClient jdbc;

    AccountBook(Ledger ledger, Receipts receipts, FamilyProfile families, Payees payees, AuditTrail audit, JdbcClient jdbc) {
        this.ledger = ledger;
        this.receipts = receipts;
        this.families = families;
        this.payees = payees;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public FamilyAccount ofCaller(UUID school, Caller caller) {
        return ledger.account(school, families.payee(school, caller).id());
    }

    /**
     * The family's account for an admin, who is recorded as having read it, and on which page (a family's money is
     * its own business); an unknown family answers 404.
     */
    @Transactional(readOnly = true)
    public FamilyAccount ofFamily(UUID school, String reader, UUID payee, String readOn) {
        payees.get(school, payee);
        audit.recordSeparately(school, reader, "family.read", "payee", payee.toString(), Map.of("read", readOn));
        return ledger.account(school, payee);
    }

    /** Records money received outside the provider; the family gets its receipt. */
    public LedgerEntry received(UUID school, String actor, UUID payee, OutsidePayment payment) {
        payees.get(school, payee);
        String currency = currency(school);
        if (!payment.amount().currency().equals(currency)) {
            throw new InvalidField("amount.currency", "must be the school's currency, " + currency);
        }
        if (payment.amount().amount() <= 0) {
            throw new InvalidField("amount.amount", "must be more than zero");
        }
        if (payment.enrollmentId() != null && !enrollmentOfFamily(school, payee, payment.enrollmentId())) {
            throw new InvalidField("enrollment_id", "must be an enrollment of this family");
        }
        UUID entry = ledger.receivedOutside(school, payee, payment.enrollmentId(), payment.amount(), payment.method(),
                payment.note(), actor);
        audit.created(school, actor, "payment", entry, payment);
        receipts.send(school, entry);
        return ledger.entry(school, entry);
    }

    /** The school's currency, every amount of its ledger's. */
    @Transactional(readOnly = true)
    public String currency(UUID school) {
        return jdbc.sql("select currency from schools where id = :school").param("school", school)
                .query(String.class).single();
    }

    private boolean enrollmentOfFamily(UUID school, UUID payee, UUID enrollment) {
        return jdbc.sql("""
                        select exists (select 1 from enrollments e join students st on st.school_id = e.school_id
                                          and st.id = e.student_id
                                        where e.school_id = :school and e.id = :id and st.payee_id = :payee)""")
                .param("school", school).param("id", enrollment).param("payee", payee).query(Boolean.class).single();
    }
}
