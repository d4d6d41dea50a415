package academy.cedarheights.billing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.billing.gateway.Charged;
import academy.cedarheights.billing.gateway.LessonCharge;
import academy.cedarheights.billing.gateway.PaymentGateway;
import academy.cedarheights.billing.gateway.PaymentRefused;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges a renewal on its day to the family's payment method on file, the provider's call outside any transaction
 * (a family the school bills itself owes it on its account instead).
 * The invoice carries the renewal's id as its charge id (keys and metadata), so a retry — the job's, or one on a new
 * card — finds the invoice an earlier attempt made instead of making a second. Paid: the renewal is charged and the
 * enrollment paid through the term, in the ledger with its receipt. Declined: the family is told and keeps the slot
 * for the grace days.
 */
@Component
class RenewalCharges {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final PaymentGateway gateway;
    private final StripeCustomers customers;
    private final Renewals renewals;
    private final Ledger ledger;
    private final Receipts receipts;
    private final Notifications notifications;
    private final BillingEmails emails;
    private final SiblingDiscounts discounts;

    RenewalCharges(JdbcClient jdbc, TransactionTemplate transaction, PaymentGateway gateway, StripeCustomers customers,
                   Renewals renewals, Ledger ledger, Receipts receipts, Notifications notifications, BillingEmails emails,
                   SiblingDiscounts discounts) {
        this.discounts = discounts;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.gateway = gateway;
        this.customers = customers;
        this.renewals = renewals;
        this.ledger = ledger;
        this.receipts = receipts;
        this.notifications = notifications;
        this.emails = emails;
    }

    private record Due(UUID id, UUID enrollmentId, UUID payeeId, String parentName, String email, String student,
                       String teacher, long amountCents, String currency, int discountPercent, int lessons,
                       LocalDate termStart, LocalDate termEnd, String state, boolean billedOutside) {

        /** The term at full price, its sibling discount, and so what the family pays ({@code net}). */
        SiblingDiscounts.Priced priced() {
            return SiblingDiscounts.Priced.of(Money.of(amountCents, currency), discountPercent);
        }

        Money amount() {
            return priced().net();
        }

        Ledger.ChargeFor what() {
            return Ledger.ChargeFor.lessons(description(), lessons, termStart, termEnd);
        }

        String description() {
            return Ledger.ChargeFor.lessonsOf(student, teacher) + ", " + lessons + " lessons (renewal)";
        }
    }

    void charge(UUID school, UUID renewalId) {
        Due due = transaction.execute(status -> due(school, renewalId, true).orElse(null));
        if (due == null) {
            return;  // answered, ended or paid meanwhile
        }
        if (due.billedOutside()) {
            // the school bills this family itself (cash, e-Transfer): the term is owed on its account, as the first was
            transaction.executeWithoutResult(status -> owedOutside(school, due));
            return;
        }
        StripeCustomers.Family family = transaction.execute(status -> customers.of(school, due.payeeId()));
        Optional<String> card = family.customerId() == null ? Optional.empty()
                : gateway.defaultPaymentMethod(family.customerId(), family.defaultPaymentMethod());
        if (card.isEmpty()) {
            transaction.executeWithoutResult(status -> declined(school, due, "no payment method on file"));
            return;
        }
        Money fromCredit = transaction.execute(status -> {
            Money credit = ledger.availableCredit(school, due.payeeId());
            return Money.of(Math.min(credit.amount(), due.amount().amount()), due.currency());
        });
        Money fromCard = Money.of(due.amount().amount() - fromCredit.amount(), due.currency());
        if (fromCard.amount() == 0) {
            // the family's credit pays the whole term: nothing to ask of the card
            transaction.executeWithoutResult(status -> paid(school, due,
                    new Charged("credit-" + due.id(), false, "credit-" + due.id(), fromCard), fromCredit));
            return;
        }
        try {
            Charged charged = gateway.chargeLessons(new LessonCharge(school, due.enrollmentId(), due.id(),
                    family.customerId(), card.get(), fromCard, due.description(), due.state().equals("failed")));
            transaction.executeWithoutResult(status -> paid(school, due, charged, fromCredit));
        } catch (PaymentRefused refused) {
            transaction.executeWithoutResult(status -> declined(school, due, refused.getMessage()));
        }
    }

    /**
     * The provider's event says the renewal's invoice was paid (on a new card, or a bank debit that cleared): the term
     * is charged in full in the ledger — what the invoice itself says is only what it asked of the card — and renewed.
     */
    void paidAtProvider(UUID school, UUID renewalId, String invoice) {
        due(school, renewalId, false).ifPresent(due -> {
            discounts.charged(school, due.payeeId(), due.enrollmentId(), invoice, due.priced(), due.what(), true);
            renewals.paid(school, renewalId);
        });
    }

    /** @param open only while it is still to be charged (announced, or declined), and its enrollment active */
    private Optional<Due> due(UUID school, UUID renewalId, boolean open) {
        return jdbc.sql("""
                        select r.id, r.enrollment_id, p.id as payee_id, p.name as parent_name, p.email::text as email,
                               st.name as student, te.name as teacher, r.amount_cents, r.currency, r.discount_percent,
                               r.lessons,
                               r.term_start, r.term_end, r.state,
                               exists (select 1 from ledger_entries l where l.school_id = r.school_id
                                          and l.kind = 'charge' and l.provider_ref = 'outside-' || e.id) as billed_outside
                          from renewals r
                          join enrollments e on e.school_id = r.school_id and e.id = r.enrollment_id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                         where r.school_id = :school and r.id = :id
                           and (not :open or r.state in ('notice_sent', 'failed') and e.status = 'active')""")
                .param("school", school).param("id", renewalId).param("open", open).query(Due.class).optional();
    }

    private void paid(UUID school, Due due, Charged charged, Money fromCredit) {
        jdbc.sql("update renewals set provider_invoice_id = :invoice where school_id = :school and id = :id")
                .param("school", school).param("id", due.id()).param("invoice", charged.invoiceId()).update();
        if (!charged.processing()) {
            renewals.paid(school, due.id());
        }
        if (charged.invoiceId() != null) {
            discounts.charged(school, due.payeeId(), due.enrollmentId(), charged.invoiceId(), due.priced(), due.what(),
                    true);
            Money fromCard = Money.of(due.amount().amount() - fromCredit.amount(), due.currency());
            if (fromCard.amount() > 0) {
                ledger.paymentOf(school, due.payeeId(), due.enrollmentId(), charged.invoiceId(), fromCard, null,
                        charged.processing() ? "processing" : "paid").ifPresent(entry -> receipts.send(school, entry));
            } else {
                ledger.settledByCredit(school, charged.invoiceId());
            }
        }
    }

    private void owedOutside(UUID school, Due due) {
        discounts.charged(school, due.payeeId(), due.enrollmentId(), "outside-" + due.id(), due.priced(), due.what(),
                true);
        renewals.paid(school, due.id());
    }

    private void declined(UUID school, Due due, String reason) {
        renewals.declined(school, due.id(), reason);
        notifications.email(school, due.email(), emails.declined(school, due.parentName(), due.student(), due.amount(),
                reason));
    }
}
