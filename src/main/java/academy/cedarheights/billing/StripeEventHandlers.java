package academy.cedarheights.billing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.booking.Enrollments;
import academy.cedarheights.booking.Holds;
import academy.cedarheights.booking.PaymentProblems;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** What each Stripe event type does to our records; runs in the event's school's transaction. */
@Component
class StripeEventHandlers {

    private final JdbcClient jdbc;
    private final StripeCustomers customers;
    private final CardSetups cards;
    private final Holds holds;
    private final Enrollments enrollments;
    private final Notifications notifications;
    private final BillingEmails emails;
    private final PaymentProblems problems;
    private final InvoiceEvents invoices;
    private final Ledger ledger;

    StripeEventHandlers(JdbcClient jdbc, StripeCustomers customers, CardSetups cards, Holds holds, Enrollments enrollments,
                        Notifications notifications, BillingEmails emails, PaymentProblems problems,
                        InvoiceEvents invoices, Ledger ledger) {
        this.invoices = invoices;
        this.ledger = ledger;
        this.problems = problems;
        this.emails = emails;
        this.jdbc = jdbc;
        this.customers = customers;
        this.cards = cards;
        this.holds = holds;
        this.enrollments = enrollments;
        this.notifications = notifications;
    }

    /** @return false for types we keep but do not act on */
    boolean handle(UUID school, String type, JsonNode object, String eventId, Instant created) {
        switch (type) {
            case "customer.created" -> linkCustomer(school, object);
            case "payment_method.attached" -> cardFor(object.path("customer").asString(), object.path("id").asString());
            case "setup_intent.succeeded" -> cardFor(object.path("customer").asString(), object.path("payment_method").asString());
            case "checkout.session.completed" -> {
                if (!object.path("mode").asString().equals("setup")) {
                    return false;
                }
                payee(object.path("customer").asString()).ifPresent(payee -> cards.resume(school, payee));
            }
            case "invoice.paid", "invoice.payment_succeeded" -> paid(school, object, eventId);
            case "invoice.payment_failed" -> failed(school, object, eventId);
            case "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted" ->
                    subscription(school, type, object, created);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void linkCustomer(UUID school, JsonNode customer) {
        String payee = customer.path("metadata").path("payee_id").asString(null);
        if (payee != null) {
            customers.remember(school, UUID.fromString(payee), customer.path("id").asString());
        }
    }

    private void cardFor(String customer, String paymentMethod) {
        customers.owner(customer).ifPresent(owner -> cards.cardAdded(owner.schoolId(), owner.payeeId(), paymentMethod));
    }

    private Optional<UUID> payee(String customer) {
        return customers.owner(customer).map(StripeCustomers.Owner::payeeId);
    }

    private void paid(UUID school, JsonNode invoice, String eventId) {
        payee(invoice.path("customer").asString()).ifPresent(payee -> {
            record(school, payee, invoice, eventId, "paid");
            invoices.paid(school, payee, invoice);
        });
        problems.resolved(school, subscriptionOf(invoice).orElse(invoice.path("id").asString()));
        jdbc.sql("select id from enrollments where school_id = :school and stripe_invoice_id = :invoice and status = 'provisional'")
                .param("school", school).param("invoice", invoice.path("id").asString()).query(UUID.class).list()
                .forEach(enrollment -> holds.activate(school, enrollment, null, invoice.path("id").asString(), null));
    }

    private void failed(UUID school, JsonNode invoice, String eventId) {
        var payee = payee(invoice.path("customer").asString());
        if (payee.isEmpty()) {
            return;
        }
        if (!record(school, payee.get(), invoice, eventId, "failed")) {
            return;  // a replay, already told
        }
        // a card our billing run or renewal charged itself was refused in front of it, and that run told the family;
        // a payment that was processing (a bank debit) fails only here, days later, and only this can tell them
        boolean toldAlready = invoice.path("metadata").has("enrollment_id")
                && !ledger.paymentStatus(school, invoice.path("id").asString()).filter("processing"::equals).isPresent();
        invoices.failed(school, payee.get(), invoice);
        Money due = Money.of(invoice.path("amount_due").asLong(),
                invoice.path("currency").asString().toUpperCase(Locale.ROOT));
        String problem = String.format(Locale.ROOT, "a payment of %d.%02d %s did not go through",
                due.amount() / 100, due.amount() % 100, due.currency());
        problems.failed(school, subscriptionOf(invoice).orElse(invoice.path("id").asString()), problem);
        if (toldAlready) {
            return;
        }
        Map<String, Object> family = jdbc.sql("select name, email::text as email from payees where school_id = :school and id = :payee")
                .param("school", school).param("payee", payee.get()).query().singleRow();
        notifications.email(school, (String) family.get("email"), emails.declined(school, (String) family.get("name"), due));
        notifications.alertAdmins(school, "A payment failed",
                family.get("name") + "'s payment of invoice " + invoice.path("id").asString() + " failed.", "/admin/dashboard");
    }

    /** One row per invoice and outcome: replays add nothing. */
    private boolean record(UUID school, UUID payee, JsonNode invoice, String eventId, String status) {
        long amount = status.equals("paid") ? invoice.path("amount_paid").asLong() : invoice.path("amount_due").asLong();
        return jdbc.sql("""
                        insert into payments (school_id, payee_id, stripe_invoice_id, stripe_event_id, amount_cents, currency,
                                              status, occurred_at)
                        values (:school, :payee, :invoice, :event, :amount, :currency, :status, now())
                        on conflict (school_id, stripe_invoice_id, status) do nothing""")
                .param("school", school).param("payee", payee).param("invoice", invoice.path("id").asString())
                .param("event", eventId).param("amount", amount)
                .param("currency", invoice.path("currency").asString().toUpperCase(Locale.ROOT))
                .param("status", status).update() == 1;
    }

    /** Applied only when newer than the last event applied to that subscription (billing's own record of them). */
    private void subscription(UUID school, String type, JsonNode subscription, Instant created) {
        String id = subscription.path("id").asString();
        boolean newer = jdbc.sql("""
                        insert into subscription_events_applied as a (school_id, subscription_id, last_event_at)
                        values (:school, :subscription, :created)
                        on conflict (school_id, subscription_id) do update set last_event_at = :created
                         where a.last_event_at < :created""")
                .param("school", school).param("subscription", id)
                .param("created", OffsetDateTime.ofInstant(created, ZoneOffset.UTC)).update() == 1;
        if (!newer) {
            return;
        }
        String status = subscription.path("status").asString();
        boolean over = type.equals("customer.subscription.deleted") || status.equals("canceled");
        boolean forNonPayment = status.equals("unpaid") || over && subscription.path("cancellation_details")
                .path("reason").asString("").equals("payment_failed");
        if (forNonPayment) {
            problems.providerGaveUp(school, id);
        } else if (over) {
            enrollments.subscriptionEndedAtStripe(school, id);
        } else if (status.equals("past_due")) {
            problems.failed(school, id, "the subscription is past due");
        } else if (status.equals("active")) {
            problems.resolved(school, id);
        }
    }

    /**
     * The subscription an invoice bills, if any: under {@code parent.subscription_details} in Stripe's API since
     * 2025, at the top level before.
     */
    static Optional<String> subscriptionOf(JsonNode invoice) {
        String current = invoice.path("parent").path("subscription_details").path("subscription").asString(null);
        String earlier = invoice.path("subscription").asString(null);
        return Optional.ofNullable(current != null ? current : earlier).filter(id -> !id.isBlank());
    }
}
