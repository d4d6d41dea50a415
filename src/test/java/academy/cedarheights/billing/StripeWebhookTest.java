package academy.cedarheights.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import academy.cedarheights.operations.Dashboard;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import academy.cedarheights.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Stripe's webhooks, signed exactly as Stripe signs them, with event bodies in Stripe's JSON shape. */
@IntegrationTest
class StripeWebhookTest {

    static final String SECRET = "whsec_test_secret_for_cedar_heights";

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    TestSchool school;
    String customer;
    UUID payee;
    UUID slot;
    UUID student;
    @Autowired Dashboard dashboard;
    @Autowired TransactionTemplate transaction;

    @BeforeEach
    void aFamilyKnownToStripe() {
        school = schools.create();
        customer = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        UUID piano = school.instrument("piano");
        slot = school.slot(school.teacher("Ada Keys", true, piano), 2, "16:00");
        payee = owner.jdbc().sql("""
                        insert into payees (school_id, name, email) values (:s, 'Pat Doe', 'pat@families.test')
                        returning id""").param("s", school.id()).query(UUID.class).single();
        owner.jdbc().sql("insert into billing_customers (school_id, payee_id, customer_id) values (:s, :p, :c)")
                .param("s", school.id()).param("p", payee).param("c", customer).update();
        owner.jdbc().sql("insert into stripe_customers (customer_id, school_id, payee_id) values (:c, :s, :p)")
                .param("c", customer).param("s", school.id()).param("p", payee).update();
        student = school.student(payee, "Kid", piano);
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", LocalDate.now().minusDays(10)).param("b", LocalDate.now().plusDays(60)).update();
    }

    @Test
    void aValidEventIsStoredAnsweredAtOnceAndProcessed() {
        String event = event("invoice.paid", invoice("in_paid", 14000, 14000));

        Answer answer = deliver(event, Instant.now());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("new").asBoolean()).isTrue();
        awaitStatus(id(event), "processed");
        assertThat(payments()).containsExactly("paid:14000");
    }

    @Test
    void aReplayAnswers200AndChangesNothing() {
        String event = event("invoice.paid", invoice("in_replayed", 9000, 9000));
        deliver(event, Instant.now());
        awaitStatus(id(event), "processed");

        Answer replay = deliver(event, Instant.now());
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("new").asBoolean()).isFalse();
        assertThat(payments()).containsExactly("paid:9000");
    }

    @Test
    void aBadMissingOrStaleSignatureIs400() {
        String event = event("invoice.paid", invoice("in_x", 1, 1));

        Answer forged = api.post("/api/v1/webhooks/stripe", event, "Content-Type", "application/json",
                "Stripe-Signature", "t=" + Instant.now().getEpochSecond() + ",v1=" + "0".repeat(64));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
        assertThat(forged.errorFields()).containsExactly("Stripe-Signature");
        assertThat(api.post("/api/v1/webhooks/stripe", event, "Content-Type", "application/json").status()).isEqualTo(400);
        assertThat(deliver(event, Instant.now().minusSeconds(600)).status()).as("stale").isEqualTo(400);
        assertThat(api.post("/api/v1/webhooks/stripe", event.replace("in_x", "in_y"), "Content-Type", "application/json",
                "Stripe-Signature", header(event, Instant.now())).status()).as("body changed after signing").isEqualTo(400);
        assertThat(stored(id(event))).isZero();
    }

    @Test
    void anUnknownTypeIsStoredAndIgnored() {
        String event = event("issuing_card.created", "{\"id\": \"ic_1\", \"object\": \"issuing.card\", \"customer\": \"" + customer + "\"}");

        assertThat(deliver(event, Instant.now()).status()).isEqualTo(200);
        awaitStatus(id(event), "ignored");
    }

    @Test
    void aCardAttachedResumesTheFamilysHold() {
        UUID hold = enrollment("provisional", null);
        owner.jdbc().sql("update enrollments set stripe_invoice_id = null where id = :id").param("id", hold).update();

        deliver(event("payment_method.attached", """
                {"id": "pm_card_visa", "object": "payment_method", "type": "card", "customer": "%s",
                 "card": {"brand": "visa", "last4": "4242", "exp_month": 12, "exp_year": 2030}}""".formatted(customer)), Instant.now());

        await().atMost(Duration.ofSeconds(10)).until(() -> status(hold).equals("active"));
        assertThat(owner.jdbc().sql("select default_payment_method from billing_customers where payee_id = :p").param("p", payee)
                .query(String.class).single()).isEqualTo("pm_card_visa");
    }

    @Test
    void subscriptionEventsOutOfOrderApplyOnlyWhenNewer() {
        UUID enrollment = enrollment("active", "sub_ooo");
        Instant now = Instant.now();

        String deleted = event("customer.subscription.deleted", subscription("sub_ooo", "canceled"), now.minusSeconds(60));
        String olderUpdate = event("customer.subscription.updated", subscription("sub_ooo", "active"), now.minusSeconds(120));
        deliver(olderUpdate, now);
        awaitStatus(id(olderUpdate), "processed");
        deliver(deleted, now);
        awaitStatus(id(deleted), "processed");
        assertThat(status(enrollment)).isEqualTo("cancelled");

        String stale = event("customer.subscription.updated", subscription("sub_ooo", "active"), now.minusSeconds(90));
        deliver(stale, now);
        awaitStatus(id(stale), "processed");
        assertThat(status(enrollment)).as("an older event does not undo the deletion").isEqualTo("cancelled");
    }

    @Test
    void aDeletedSubscriptionCancelsTheEnrollmentAndFreesTheSlot() {
        UUID enrollment = enrollment("active", "sub_gone");

        deliver(event("customer.subscription.deleted", subscription("sub_gone", "canceled")), Instant.now());

        await().atMost(Duration.ofSeconds(10)).until(() -> status(enrollment).equals("cancelled"));
        assertThat(api.get("/api/v1/public/timeslots?available=true", school.header()).texts("id")).contains(slot.toString());
        assertThat(Mailbox.latest("pat@families.test", school.slug(), "has ended").text())
                .as("the family is told Stripe ended it, and why")
                .contains("has ended: their payments were stopped at the school's payment provider");
    }

    @Test
    void aFailedPaymentIsRecordedAndTheFamilyAndAdminsAreTold() {
        school.allowAdmin("owner@school.test");
        String event = event("invoice.payment_failed", invoice("in_failed", 14000, 0));

        deliver(event, Instant.now());
        awaitStatus(id(event), "processed");

        assertThat(payments()).containsExactly("failed:14000");
        assertThat(emails("payment_failed")).isEqualTo(1);
        Mailbox.Mail email = Mailbox.latest("pat@families.test", school.slug(), "did not go through");
        assertThat(email.text()).contains("A payment of $140.00 did not go through");
        assertThat(email.link("/parent/payment-method")).as("a link that opens from a mailbox").matches("https?://.+/parent/payment-method");
        assertThat(emails("admin_alert")).isEqualTo(1);
        deliver(event, Instant.now());
        assertThat(emails("payment_failed")).as("a replay tells no one twice").isEqualTo(1);
    }

    @Test
    void aPaidInvoiceActivatesTheHoldWaitingOnIt() {
        UUID hold = enrollment("provisional", null);
        owner.jdbc().sql("update enrollments set stripe_invoice_id = 'in_waiting' where id = :id").param("id", hold).update();

        deliver(event("invoice.paid", invoice("in_waiting", 42000, 42000)), Instant.now());

        await().atMost(Duration.ofSeconds(10)).until(() -> status(hold).equals("active"));
    }

    @Test
    void aFailedMonthlyPaymentMarksTheEnrollmentUntilAPaymentGoesThrough() {
        UUID enrollment = enrollment("active", "sub_monthly");

        String failed = event("invoice.payment_failed", subscriptionInvoice("in_month", "sub_monthly", 15000, 0));
        deliver(failed, Instant.now());
        awaitStatus(id(failed), "processed");

        assertThat(problem(enrollment)).isEqualTo("a payment of 150.00 CAD did not go through");
        Session family = familySignedIn();
        Answer bookings = family.get("/api/v1/parent/bookings");
        assertThat(bookings.json().get(0).path("payment_problem").path("reason").asString())
                .isEqualTo("a payment of 150.00 CAD did not go through");
        assertThat(bookings.json().get(0).path("next_action").path("type").asString()).isEqualTo("replace_payment_method");
        assertThat(school.admin(api).get("/api/v1/admin/enrollments").json().path("items").get(0).path("payment_problem")
                .asString()).as("the school sees it").contains("did not go through");
        List<Dashboard.PaymentProblem> problems = TenantContext.callAs(school.id(),
                () -> transaction.execute(status -> dashboard.paymentProblems(school.id())));
        assertThat(problems).singleElement().satisfies(problem -> {
                    assertThat(problem.student()).isEqualTo("Kid");
                    assertThat(problem.daysLeft()).as("the school's grace, untouched").isEqualTo(14);
                });

        String paid = event("invoice.paid", subscriptionInvoice("in_month", "sub_monthly", 15000, 15000));
        deliver(paid, Instant.now());
        awaitStatus(id(paid), "processed");
        assertThat(problem(enrollment)).isNull();
        assertThat(status(enrollment)).isEqualTo("active");
    }

    @Test
    void aMonthsInvoiceFailedThenPaidIsInTheFamilysLedgerOnceWithItsReceiptAndPaysTheMonth() {
        UUID enrollment = enrollment("active", "sub_ledger");
        owner.jdbc().sql("update enrollments set paid_through = date '2027-02-28' where id = :id").param("id", enrollment)
                .update();
        String march = """
                {"id": "in_march", "object": "invoice", "status": "%s", "customer": "%s", "amount_due": 15000,
                 "amount_paid": %d, "total": 15000, "currency": "cad", "metadata": {},
                 "lines": {"object": "list", "data": [{"id": "il_1", "object": "line_item", "description": "Weekly lessons",
                           "period": {"start": %d, "end": %d}}]},
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "sub_ledger"}}}""";
        long start = Instant.parse("2027-03-01T08:00:00Z").getEpochSecond();
        long end = Instant.parse("2027-04-01T07:00:00Z").getEpochSecond();

        String failed = event("invoice.payment_failed", march.formatted("open", customer, 0, start, end));
        deliver(failed, Instant.now());
        awaitStatus(id(failed), "processed");
        Session family = familySignedIn();
        JsonNode owing = family.get("/api/v1/parent/account").json();
        assertThat(owing.path("balance").path("amount").asLong()).as("the month is owed").isEqualTo(15000);
        assertThat(owing.path("entries").valueStream().map(entry -> entry.path("status").asString()))
                .containsExactlyInAnyOrder("open", "failed");

        String paid = event("invoice.paid", march.formatted("paid", customer, 15000, start, end));
        deliver(paid, Instant.now());
        awaitStatus(id(paid), "processed");
        String replay = event("invoice.paid", march.formatted("paid", customer, 15000, start, end));
        deliver(replay, Instant.now());
        awaitStatus(id(replay), "processed");

        JsonNode account = family.get("/api/v1/parent/account").json();
        assertThat(account.path("balance").path("amount").asLong()).isZero();
        assertThat(account.path("entries")).as("one charge, one payment").hasSize(2);
        assertThat(account.path("entries").get(0).path("receipt_url").asString()).contains("/receipts/");
        assertThat(Mailbox.latest("pat@families.test", school.slug(), "receipt").text()).contains("$150.00")
                .contains("Weekly lessons");
        assertThat(Mailbox.all("pat@families.test", school.slug(), "receipt")).as("one receipt").hasSize(1);
        assertThat(family.get("/api/v1/parent/bookings").json().get(0).path("paid_through").asString())
                .as("the month's last day in Vancouver").isEqualTo("2027-03-31");
    }

    @Test
    void aTermPaidByBankDebitThatFailsDaysLaterShowsTheProblemOnItsEnrollment() {
        UUID term = enrollment("active", null);
        owner.jdbc().sql("update enrollments set stripe_invoice_id = 'in_debit', payment_processing_since = now() - interval '3 days' "
                + "where id = :id").param("id", term).update();

        String failed = event("invoice.payment_failed", invoice("in_debit", 42000, 0));
        deliver(failed, Instant.now());
        awaitStatus(id(failed), "processed");

        assertThat(problem(term)).isEqualTo("a payment of 420.00 CAD did not go through");
        assertThat(owner.jdbc().sql("select payment_processing_since is null from enrollments where id = :id")
                .param("id", term).query(Boolean.class).single()).as("no longer processing: failed").isTrue();
    }

    @Test
    void whenStripeGivesUpTheEnrollmentEndsAndTheFamilyIsToldWhy() {
        school.allowAdmin("owner@school.test");
        UUID enrollment = enrollment("active", "sub_unpaid");

        deliver(event("customer.subscription.updated", subscription("sub_unpaid", "unpaid")), Instant.now());

        await().atMost(Duration.ofSeconds(10)).until(() -> status(enrollment).equals("cancelled"));
        Mailbox.Mail ended = Mailbox.latest("pat@families.test", school.slug(), "has ended");
        assertThat(ended.subject()).isEqualTo("Kid's lessons with Ada Keys have ended");
        assertThat(ended.text()).contains("Tuesdays at 4:00 p.m., has ended: the payments for them did not go through");
        assertThat(ended.link("/parent")).startsWith("http://" + school.slug() + ".cedar.test:");
        assertThat(api.get("/api/v1/public/timeslots?available=true", school.header()).texts("id")).contains(slot.toString());
        assertThat(emails("admin_alert")).isEqualTo(1);
    }

    private Answer deliver(String event, Instant signedAt) {
        return api.post("/api/v1/webhooks/stripe", event, "Content-Type", "application/json",
                "Stripe-Signature", header(event, signedAt));
    }

    /** Stripe's scheme: {@code t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">}. */
    static String header(String body, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long t = at.getEpochSecond();
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String event(String type, String object) {
        return event(type, object, Instant.now());
    }

    private String event(String type, String object, Instant created) {
        return """
                {"id": "evt_%s", "object": "event", "api_version": "2026-07-29.dahlia", "created": %d,
                 "data": {"object": %s}, "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null}, "type": "%s"}"""
                .formatted(UUID.randomUUID().toString().replace("-", ""), created.getEpochSecond(), object, type);
    }

    private String invoice(String id, long due, long paid) {
        return """
                {"id": "%s", "object": "invoice", "status": "%s", "customer": "%s", "amount_due": %d, "amount_paid": %d,
                 "currency": "cad", "metadata": {"school_id": "%s"},
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": null}}}"""
                .formatted(id, paid > 0 ? "paid" : "open", customer, due, paid, school.id());
    }

    private String subscriptionInvoice(String id, String subscription, long due, long paid) {
        return """
                {"id": "%s", "object": "invoice", "status": "%s", "customer": "%s", "amount_due": %d, "amount_paid": %d,
                 "currency": "cad", "metadata": {},
                 "parent": {"type": "subscription_details", "subscription_details": {"subscription": "%s"}}}"""
                .formatted(id, paid > 0 ? "paid" : "open", customer, due, paid, subscription);
    }

    private String problem(UUID enrollment) {
        return owner.jdbc().sql("select payment_problem from enrollments where id = :id").param("id", enrollment)
                .query(String.class).list().get(0);
    }

    /** The family's parent with an account of the school, linked to the family record the events are about. */
    private Session familySignedIn() {
        String token = school.signUp(api, "pat@families.test");
        owner.jdbc().sql("update payees set identity_subject = :subject where id = :p")
                .param("subject", Tokens.claims(token).path("sub").asString()).param("p", payee).update();
        return api.as(token);
    }

    private String subscription(String id, String status) {
        return """
                {"id": "%s", "object": "subscription", "customer": "%s", "status": "%s", "metadata": {"school_id": "%s"},
                 "items": {"object": "list", "data": []}}""".formatted(id, customer, status, school.id());
    }

    private UUID enrollment(String status, String subscription) {
        return owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date,
                                                 provisional_expires_at, stripe_subscription_id)
                        values (:s, :student, :slot, 'monthly', :status, current_date,
                                case when :status = 'provisional' then now() + interval '14 days' end, :sub) returning id""")
                .param("s", school.id()).param("student", student).param("slot", slot).param("status", status)
                .param("sub", subscription).query(UUID.class).single();
    }

    private static String id(String event) {
        return event.substring(event.indexOf("evt_"), event.indexOf("\"", event.indexOf("evt_")));
    }

    private void awaitStatus(String eventId, String status) {
        await().atMost(Duration.ofSeconds(10)).until(() -> status.equals(owner.jdbc()
                .sql("select status from stripe_events where id = :id").param("id", eventId).query(String.class).optional().orElse("")));
    }

    private long stored(String eventId) {
        return owner.jdbc().sql("select count(*) from stripe_events where id = :id").param("id", eventId).query(Long.class).single();
    }

    private String status(UUID enrollment) {
        return owner.jdbc().sql("select status from enrollments where id = :id").param("id", enrollment).query(String.class).single();
    }

    private List<String> payments() {
        return owner.jdbc().sql("select status || ':' || amount_cents from payments where school_id = :s order by occurred_at")
                .param("s", school.id()).query(String.class).list();
    }

    private long emails(String template) {
        return owner.jdbc().sql("select count(*) from email_log where school_id = :s and template = :t")
                .param("s", school.id()).param("t", template).query(Long.class).single();
    }
}
