package academy.cedarheights.billing.gateway;

import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway of demo and offline runs (no {@code STRIPE_SECRET_KEY}): it behaves like Stripe's test mode in
 * outcome — a customer per family, a card once the family types a test number on the simulated checkout page
 * ({@link TestCards}: one that is charged, one that is always declined, one declined after its first charge),
 * subscription and invoice ids, immediate activation — without any network. Ids derive from ours, so a re-run
 * creates nothing twice.
 */
public class SimulatedGateway implements PaymentGateway {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public SimulatedGateway(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public String createProduct(UUID schoolId, String name) {
        return "prod_sim_" + schoolId.toString().replace("-", "");
    }

    @Override
    public String createMonthlyPrice(UUID schoolId, String productId, Money amount) {
        return "price_sim_" + schoolId.toString().replace("-", "") + "_" + amount.amount() + amount.currency();
    }

    @Override
    public String createCustomer(NewCustomer customer) {
        return "cus_sim_" + customer.payeeId().toString().replace("-", "");
    }

    /** The simulated card lives where a real one is mirrored: on the family's record, so that one is the card. */
    @Override
    public Optional<String> defaultPaymentMethod(String customerId, String onFile) {
        return Optional.ofNullable(onFile);
    }

    @Override
    public Charged subscribeMonthly(MonthlyPlan plan) {
        refuseIfDeclined(plan.paymentMethodId());
        String id = plan.enrollmentId().toString().replace("-", "");
        // the simulated first invoice asks the month's price, unprorated; none while lessons start in a later month
        return new Charged("sub_sim_" + id, false, plan.startsLater() ? null : "in_sim_sub_" + id, null);
    }

    @Override
    public Charged chargeLessons(LessonCharge charge) {
        refuseIfDeclined(charge.paymentMethodId());
        return Charged.invoicePaid("in_sim_" + charge.chargeId().toString().replace("-", ""), charge.amount());
    }

    /**
     * A declining card refuses as Stripe would. The card that declines after its first charge counts its charges in
     * the provider's own table; no other card needs a write.
     */
    private void refuseIfDeclined(String paymentMethodId) {
        boolean first = !TestCards.declinesAfterFirst(paymentMethodId) || transaction.execute(status -> jdbc.sql("""
                        insert into simulated_card_charges as c (payment_method, charges) values (:card, 1)
                        on conflict (payment_method) do update set charges = c.charges + 1 returning charges""")
                .param("card", paymentMethodId).query(Integer.class).single()) == 1;
        if (TestCards.declines(paymentMethodId, first)) {
            throw new PaymentRefused(TestCards.DECLINED, null);
        }
    }

    @Override
    public void cancelSubscription(String subscriptionId, String idempotencyKey) {
        // nothing is charged in simulation, so nothing is left to stop
    }

    @Override
    public void anonymiseCustomer(String customerId, String idempotencyKey) {
        // a simulated customer is only an id here: nothing personal is held for it
    }

    @Override
    public void refundInvoice(String invoiceId, String idempotencyKey) {
        // nothing was taken in simulation, so nothing is given back
    }

    /** A test card: a Visa ending as its number does, expiring in three years. */
    /** The simulated provider keeps no open invoices. */
    @Override
    public void voidInvoice(String invoiceId, String idempotencyKey) {
    }

    /** The simulated provider bills no month after the first: there is nothing to pause. */
    @Override
    public void pauseUntil(String subscriptionId, java.time.Instant resumesAt, String idempotencyKey) {
    }

    @Override
    public String refund(String invoiceId, Money amount, String idempotencyKey) {
        return "re_sim_" + Integer.toHexString(idempotencyKey.hashCode());
    }

    @Override
    public PaymentMethodDetails describe(String paymentMethodId) {
        return PaymentMethodDetails.card("visa", TestCards.last4(paymentMethodId), 12, Year.now().getValue() + 3);
    }

    @Override
    public void chargeEverythingTo(String customerId, String paymentMethodId, List<String> subscriptionIds) {
        // nothing is charged anywhere: the simulated subscriptions have no payment method of their own
    }

    @Override
    public List<String> payOpenInvoices(String customerId, String paymentMethodId) {
        return List.of();  // a simulated charge never stays open
    }

    @Override
    public String cardSetupUrl(CardSetup setup) {
        // the simulated provider keeps its sessions in our database, in a transaction of its own like any provider's
        UUID session = transaction.execute(status -> jdbc.sql(
                        "insert into simulated_checkouts (school_id, payee_id) values (:school, :payee) returning id")
                .param("school", setup.schoolId()).param("payee", setup.payeeId()).query(UUID.class).single());
        // on the school's own address, so that the pages' form-action policy lets the family go there
        return setup.schoolBaseUrl() + "/billing/simulated-checkout/" + setup.schoolSlug() + "/" + session;
    }
}
