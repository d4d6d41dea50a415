package academy.cedarheights.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import academy.cedarheights.billing.gateway.CardSetup;
import academy.cedarheights.billing.gateway.GatewayUnavailable;
import academy.cedarheights.billing.gateway.PaymentMethodDetails;
import academy.cedarheights.billing.gateway.StripeGateway;
import academy.cedarheights.booking.Enrollments;
import academy.cedarheights.booking.Holds;
import academy.cedarheights.booking.PaymentProblems;
import academy.cedarheights.booking.SchoolEnrollments;
import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.config.AppProperties;
import academy.cedarheights.platform.jobs.Jobs;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.schools.Calendars;
import academy.cedarheights.schools.PlanQuotes;
import academy.cedarheights.schools.SchoolAddresses;
import academy.cedarheights.schools.Schools;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing pipeline driving the real {@code stripe-java} SDK against a local server answering in
 * Stripe's wire format: form-encoded requests in, JSON objects and Stripe error objects out.
 */
@IntegrationTest
class StripeBillingTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired Holds holds;
    @Autowired PlanQuotes quotes;
    @Autowired Calendars calendars;
    @Autowired Notifications notifications;
    @Autowired AppProperties app;
    @Autowired StripeCustomers customers;
    @Autowired OrphanCharges orphans;
    @Autowired MonthlyPrices prices;
    @Autowired PaymentProblems problems;
    @Autowired Ledger ledger;
    @Autowired Receipts receipts;
    @Autowired SiblingDiscounts discounts;
    @Autowired Renewals renewals;
    @Autowired SchoolAddresses addresses;
    @Autowired Schools schoolsFacade;
    @Autowired SchoolEnrollments schoolEnrollments;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @Autowired FamilyProfile families;
    @Autowired Enrollments enrollments;
    @Autowired Jobs jobs;
    @Autowired OneTimeTask<PaymentMethodJob> useMethodTask;

    final WireMockServer stripe = new WireMockServer(wireMockConfig().dynamicPort());
    BillingPipeline pipeline;
    StripeGateway gateway;
    TestSchool school;
    UUID enrollment;

    @BeforeEach
    void stripeAndAHold() {
        stripe.start();
        gateway = new StripeGateway("sk_test_cedar", stripe.baseUrl(), 0, 1_000);
        pipeline = new BillingPipeline(jdbc, transaction, holds, gateway, quotes, notifications, new BillingEmails(addresses, new SimpleMeterRegistry()),
                customers, orphans, schoolsFacade, prices, problems, ledger, receipts, Clock.systemUTC(), discounts);
        school = schools.create();
        LocalDate today = LocalDate.now(VANCOUVER);
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", today.minusDays(10)).param("b", today.plusDays(60)).update();
        stripe.stubFor(post(urlEqualTo("/v1/customers")).willReturn(okJson("""
                {"id": "cus_1", "object": "customer", "email": "pat@families.test", "metadata": {},
                 "invoice_settings": {"default_payment_method": null}, "livemode": false, "created": 1700000000}""")));
        stripe.stubFor(post(urlEqualTo("/v1/products")).willReturn(okJson("""
                {"id": "prod_1", "object": "product", "name": "Weekly music lessons", "active": true}""")));
        stripe.stubFor(post(urlEqualTo("/v1/prices")).willReturn(okJson("""
                {"id": "price_1", "object": "price", "product": "prod_1", "unit_amount": 15000, "currency": "cad",
                 "recurring": {"interval": "month", "interval_count": 1}, "active": true}""")));
        stripe.stubFor(post(urlEqualTo("/v1/subscriptions")).willReturn(okJson("""
                {"id": "sub_1", "object": "subscription", "customer": "cus_1", "status": "active",
                 "items": {"object": "list", "data": [{"id": "si_1", "object": "subscription_item",
                   "current_period_start": 1700000000, "current_period_end": 1702592000}]},
                 "latest_invoice": "in_sub_1"}""")));
        stripe.stubFor(post(urlEqualTo("/v1/invoices")).willReturn(okJson(invoice("draft"))));
        stripe.stubFor(post(urlEqualTo("/v1/invoiceitems")).willReturn(okJson("""
                {"id": "ii_1", "object": "invoiceitem", "customer": "cus_1", "amount": 0, "currency": "cad"}""")));
        stripe.stubFor(post(urlEqualTo("/v1/invoices/in_1/finalize")).willReturn(okJson(invoice("open"))));
        stripe.stubFor(post(urlEqualTo("/v1/invoices/in_1/pay")).willReturn(okJson(invoice("paid"))));
        stripe.stubFor(get(urlPathEqualTo("/v1/subscriptions/search")).willReturn(okJson(searchResult("/v1/subscriptions/search", ""))));
        stripe.stubFor(get(urlPathEqualTo("/v1/invoices/search")).willReturn(okJson(searchResult("/v1/invoices/search", ""))));
        withCard(true);
    }

    private static String searchResult(String url, String data) {
        return """
                {"object": "search_result", "url": "%s", "has_more": false, "data": [%s]}""".formatted(url, data);
    }

    @AfterEach
    void stopStripe() {
        stripe.stop();
    }

    @Test
    void aMonthlyPlanBecomesASubscriptionAnchoredOnTheFirstOfNextMonth() {
        enrollment = hold("monthly");

        bill();

        assertThat(status()).containsEntry("status", "active").containsEntry("stripe_subscription_id", "sub_1");
        LocalDate firstOfNextMonth = LocalDate.now(VANCOUVER).withDayOfMonth(1).plusMonths(1);
        long anchor = firstOfNextMonth.atStartOfDay(VANCOUVER).toEpochSecond();
        stripe.verify(postRequestedFor(urlEqualTo("/v1/subscriptions"))
                .withHeader("Idempotency-Key", equalTo("subscription-" + enrollment))
                .withHeader("Authorization", equalTo("Bearer sk_test_cedar"))
                .withRequestBody(containing("customer=cus_1"))
                .withRequestBody(containing("billing_cycle_anchor=" + anchor))
                .withRequestBody(containing("proration_behavior=create_prorations"))
                .withRequestBody(containing("items[0][price]=price_1"))
                .withRequestBody(containing("metadata[enrollment_id]=" + enrollment)));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/prices"))
                .withRequestBody(containing("unit_amount=15000")).withRequestBody(containing("currency=cad"))
                .withRequestBody(containing("recurring[interval]=month")).withRequestBody(containing("product=prod_1")));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/customers")).withHeader("Idempotency-Key", containing("customer-")));
    }

    @Test
    void aTermPaidByBankDebitIsBookedWhileItsPaymentProcesses() {
        stripe.stubFor(post(urlEqualTo("/v1/invoices/in_1/pay")).atPriority(1).willReturn(okJson(invoice("open"))));
        enrollment = hold("semester");

        bill();

        assertThat(status()).containsEntry("status", "active").containsEntry("stripe_invoice_id", "in_1");
        assertThat(owner.jdbc().sql("select payment_processing_since is not null from enrollments where id = :id")
                .param("id", enrollment).query(Boolean.class).single()).as("processing, for days").isTrue();
        TenantContext.runAs(school.id(), () -> transaction.executeWithoutResult(status -> problems.resolved(school.id(), "in_1")));
        assertThat(owner.jdbc().sql("select payment_processing_since is null from enrollments where id = :id")
                .param("id", enrollment).query(Boolean.class).single()).as("paid").isTrue();
    }

    @Test
    void aMonthlyPlanPaidByBankDebitIsBookedWhileItsFirstPaymentProcesses() {
        stripe.stubFor(post(urlEqualTo("/v1/subscriptions")).atPriority(1).willReturn(okJson("""
                {"id": "sub_debit", "object": "subscription", "customer": "cus_1", "status": "active",
                 "latest_invoice": {"id": "in_first", "object": "invoice", "status": "open", "amount_due": 5000,
                                    "currency": "cad", "customer": "cus_1"}}""")));
        enrollment = hold("monthly");

        bill();

        assertThat(status()).containsEntry("status", "active").containsEntry("stripe_subscription_id", "sub_debit");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/subscriptions")).withRequestBody(containing("expand[0]=latest_invoice")));
        assertThat(owner.jdbc().sql("select payment_processing_since is not null from enrollments where id = :id")
                .param("id", enrollment).query(Boolean.class).single()).as("processing, for days").isTrue();
    }

    @Test
    void aSemesterPlanIsOneInvoiceForTheLessonsLeftPaidAtOnce() {
        enrollment = hold("semester");

        bill();

        assertThat(status()).containsEntry("status", "active").containsEntry("stripe_invoice_id", "in_1");
        long lessons = TenantContext.callAs(school.id(), () -> transaction.execute(status -> calendars.of(school.id())))
                .lessonDates(weekday(), LocalDate.now(VANCOUVER).plusDays(2), LocalDate.now(VANCOUVER).plusDays(60)).size();
        assertThat(lessons).isPositive();
        stripe.verify(postRequestedFor(urlEqualTo("/v1/invoiceitems"))
                .withHeader("Idempotency-Key", equalTo("invoice-item-" + enrollment))
                .withRequestBody(containing("amount=" + lessons * 3500)).withRequestBody(containing("invoice=in_1")));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/invoices/in_1/pay"))
                .withHeader("Idempotency-Key", equalTo("invoice-pay-" + enrollment)));
    }

    @Test
    void withoutACardTheHoldWaitsAndTheFamilyIsAskedOnce() {
        withCard(false);
        enrollment = hold("monthly");

        bill();
        bill();

        assertThat(status()).containsEntry("status", "provisional").containsEntry("failure_reason", "no payment method on file");
        assertThat(emails("provisional_notice")).isEqualTo(1);
        stripe.verify(0, postRequestedFor(urlEqualTo("/v1/subscriptions")));
    }

    @Test
    void aDeclinedCardKeepsTheHoldRecordsWhyAndTellsTheFamilyTheRealAmount() {
        stripe.stubFor(post(urlEqualTo("/v1/invoices/in_1/pay")).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                                   "message": "Your card has insufficient funds.", "param": ""}}""")));
        enrollment = hold("semester");

        bill();

        assertThat(status()).containsEntry("status", "provisional");
        assertThat((String) status().get("failure_reason")).contains("declined").contains("insufficient_funds");
        assertThat(emails("payment_failed")).isEqualTo(1);
        long lessons = TenantContext.callAs(school.id(), () -> transaction.execute(status -> calendars.of(school.id())))
                .lessonDates(weekday(), LocalDate.now(VANCOUVER).plusDays(2), LocalDate.now(VANCOUVER).plusDays(60)).size();
        Mailbox.Mail email = Mailbox.latest("ada.keys.family@families.test", school.slug(), "did not go through");
        assertThat(email.text()).as("the term's lessons, not 0.00")
                .contains("A payment of $%d.00 for Kid's lessons did not go through".formatted(lessons * 35));
        assertThat(email.link("/parent/payment-method")).startsWith("http");
    }

    @Test
    void theSchoolsProductAndPriceAreMadeOnceForAllItsSubscriptions() {
        enrollment = hold("monthly");
        bill();
        UUID first = enrollment;
        anotherFamilyWithACard();
        enrollment = hold("monthly", "Bea Keys", "17:00");
        bill();

        assertThat(status()).containsEntry("status", "active");
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/products")));
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/prices")));
        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/subscriptions"))
                .withRequestBody(containing("items[0][price]=price_1")));
        assertThat(first).isNotEqualTo(enrollment);
    }

    @Test
    void aReplacedCardBecomesTheDefaultOfTheCustomerAndOfEverySubscriptionAndPaysWhatIsOpen() {
        enrollment = hold("monthly");
        bill();
        UUID payee = payeeOf(enrollment);
        stripe.stubFor(get(urlEqualTo("/v1/payment_methods/pm_new")).willReturn(okJson("""
                {"id": "pm_new", "object": "payment_method", "type": "card", "customer": "cus_1",
                 "card": {"brand": "mastercard", "last4": "4444", "exp_month": 3, "exp_year": 2031}}""")));
        stripe.stubFor(post(urlEqualTo("/v1/customers/cus_1")).willReturn(okJson("""
                {"id": "cus_1", "object": "customer", "metadata": {},
                 "invoice_settings": {"default_payment_method": "pm_new"}, "livemode": false, "created": 1700000000}""")));
        stripe.stubFor(post(urlEqualTo("/v1/subscriptions/sub_1")).willReturn(okJson("""
                {"id": "sub_1", "object": "subscription", "customer": "cus_1", "status": "past_due",
                 "default_payment_method": "pm_new"}""")));
        stripe.stubFor(get(urlPathEqualTo("/v1/invoices")).withQueryParam("customer", equalTo("cus_1"))
                .withQueryParam("status", equalTo("open")).willReturn(okJson("""
                        {"object": "list", "url": "/v1/invoices", "has_more": false,
                         "data": [{"id": "in_open", "object": "invoice", "customer": "cus_1", "status": "open",
                                   "amount_due": 15000, "currency": "cad"}]}""")));
        stripe.stubFor(post(urlEqualTo("/v1/invoices/in_open/pay")).willReturn(okJson("""
                {"id": "in_open", "object": "invoice", "customer": "cus_1", "status": "paid", "amount_paid": 15000,
                 "currency": "cad"}""")));
        PaymentMethods methods = new PaymentMethods(jdbc, transaction, gateway, families, enrollments, jobs, useMethodTask,
                renewals);

        TenantContext.runAs(school.id(), () -> {
            transaction.executeWithoutResult(status -> customers.paymentMethodAdded(school.id(), payee, "pm_new"));
            methods.putToWork(school.id(), payee, "pm_new");
        });

        stripe.verify(postRequestedFor(urlEqualTo("/v1/customers/cus_1"))
                .withRequestBody(containing("invoice_settings[default_payment_method]=pm_new")));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/subscriptions/sub_1"))
                .withRequestBody(containing("default_payment_method=pm_new")));
        stripe.verify(postRequestedFor(urlEqualTo("/v1/invoices/in_open/pay"))
                .withRequestBody(containing("payment_method=pm_new")).withHeader("Idempotency-Key", equalTo("pay-in_open-pm_new")));
        assertThat(owner.jdbc().sql("""
                        select method_brand || ' ' || method_last4 || ' ' || method_exp_month || '/' || method_exp_year
                          from billing_customers where school_id = :s and payee_id = :p""")
                .param("s", school.id()).param("p", payee).query(String.class).single()).isEqualTo("mastercard 4444 3/2031");
    }

    @Test
    void aMethodReplacedAgainBeforeItsWorkRunsIsLeftToTheNewerOne() {
        enrollment = hold("monthly");
        bill();
        UUID payee = payeeOf(enrollment);
        PaymentMethods methods = new PaymentMethods(jdbc, transaction, gateway, families, enrollments, jobs, useMethodTask,
                renewals);

        TenantContext.runAs(school.id(), () -> {
            transaction.executeWithoutResult(status -> customers.paymentMethodAdded(school.id(), payee, "pm_newest"));
            methods.putToWork(school.id(), payee, "pm_older");
        });

        stripe.verify(0, getRequestedFor(urlEqualTo("/v1/payment_methods/pm_older")));
        stripe.verify(0, postRequestedFor(urlEqualTo("/v1/subscriptions/sub_1")));
    }

    @Test
    void whereTheSchoolOffersItCheckoutCollectsAPreAuthorisedDebitMandateBesideCards() {
        stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions")).willReturn(okJson("""
                {"id": "cs_1", "object": "checkout.session", "mode": "setup", "url": "https://checkout.stripe.com/c/pay/cs_1"}""")));
        URI school = URI.create("https://lessons.example.org");
        UUID payee = UUID.randomUUID();

        String withDebit = gateway.cardSetupUrl(new CardSetup(this.school.id(), this.school.slug(), school, payee, "cus_1",
                school.resolve("/parent/payment-method"), true));
        gateway.cardSetupUrl(new CardSetup(this.school.id(), this.school.slug(), school, payee, "cus_1",
                school.resolve("/parent/payment-method"), false));

        assertThat(withDebit).isEqualTo("https://checkout.stripe.com/c/pay/cs_1");
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(containing("payment_method_types[0]=card"))
                .withRequestBody(containing("payment_method_types[1]=acss_debit"))
                .withRequestBody(containing("payment_method_options[acss_debit][currency]=cad"))
                .withRequestBody(containing("payment_method_options[acss_debit][mandate_options][payment_schedule]=sporadic"))
                .withRequestBody(containing("payment_method_options[acss_debit][mandate_options][transaction_type]=personal"))
                .withRequestBody(containing("payment_method_options[acss_debit][mandate_options][default_for][0]=invoice"))
                .withRequestBody(containing("success_url=" + URLEncoder.encode(
                        "https://lessons.example.org/parent/payment-method?card=added", StandardCharsets.UTF_8))));
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(notContaining("acss_debit")));
    }

    @Test
    void aBankDebitIsDescribedByItsBankAndLastDigits() {
        stripe.stubFor(get(urlEqualTo("/v1/payment_methods/pm_acss")).willReturn(okJson("""
                {"id": "pm_acss", "object": "payment_method", "type": "acss_debit", "customer": "cus_1",
                 "acss_debit": {"bank_name": "TD Canada Trust", "last4": "6789", "institution_number": "004",
                                "transit_number": "12345"}}""")));

        assertThat(gateway.describe("pm_acss")).isEqualTo(PaymentMethodDetails.bankDebit("TD Canada Trust", "6789"));
    }

    /** The next hold's family is a new customer at Stripe, with a card. */
    private void anotherFamilyWithACard() {
        stripe.stubFor(post(urlEqualTo("/v1/customers")).atPriority(1).willReturn(okJson("""
                {"id": "cus_2", "object": "customer", "metadata": {}, "livemode": false, "created": 1700000000}""")));
        stripe.stubFor(get(urlEqualTo("/v1/customers/cus_2")).willReturn(okJson("""
                {"id": "cus_2", "object": "customer", "metadata": {},
                 "invoice_settings": {"default_payment_method": "pm_card_visa"}, "livemode": false, "created": 1700000000}""")));
    }

    @Test
    void aNewMonthlyPriceIsANewPriceAtStripeAndTheOldOneStaysWithItsSubscriptions() {
        enrollment = hold("monthly");
        bill();
        owner.jdbc().sql("update schools set monthly_price_cents = 16000 where id = :s").param("s", school.id()).update();
        anotherFamilyWithACard();
        stripe.stubFor(post(urlEqualTo("/v1/prices")).atPriority(1).withRequestBody(containing("unit_amount=16000"))
                .willReturn(okJson("""
                        {"id": "price_2", "object": "price", "product": "prod_1", "unit_amount": 16000, "currency": "cad",
                         "recurring": {"interval": "month", "interval_count": 1}, "active": true}""")));
        enrollment = hold("monthly", "Bea Keys", "17:00");
        bill();

        assertThat(status()).containsEntry("status", "active");
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/products")));
        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/prices")));
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/subscriptions")).withRequestBody(containing("items[0][price]=price_2"))
                .withRequestBody(containing("metadata[enrollment_id]=" + enrollment)));
        assertThat(owner.jdbc().sql("select amount_cents || ' ' || price_id from billing_prices where school_id = :s order by 1")
                .param("s", school.id()).query(String.class).list()).containsExactly("15000 price_1", "16000 price_2");
    }

    @Test
    void aHoldCancelledWhileItsSubscriptionIsMadeLeavesNoSubscriptionRunning() throws Exception {
        stripe.stubFor(post(urlEqualTo("/v1/subscriptions")).atPriority(1).willReturn(okJson("""
                {"id": "sub_1", "object": "subscription", "customer": "cus_1", "status": "active"}""")
                .withFixedDelay(900)));
        stripe.stubFor(delete(urlEqualTo("/v1/subscriptions/sub_1")).willReturn(okJson("""
                {"id": "sub_1", "object": "subscription", "customer": "cus_1", "status": "canceled"}""")));
        enrollment = hold("monthly");

        CompletableFuture<Void> run = CompletableFuture.runAsync(this::bill);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> !stripe.findAll(postRequestedFor(urlEqualTo("/v1/subscriptions"))).isEmpty());
        TenantContext.runAs(school.id(), () -> transaction.executeWithoutResult(status ->
                schoolEnrollments.cancel(school.id(), "admin@school.test", enrollment, "the family changed its mind")));
        run.get(10, TimeUnit.SECONDS);

        assertThat(status()).containsEntry("status", "cancelled").containsEntry("stripe_subscription_id", null);
        stripe.verify(1, deleteRequestedFor(urlEqualTo("/v1/subscriptions/sub_1"))
                .withHeader("Idempotency-Key", equalTo("undo-subscription-" + enrollment)));
        assertThat(emails("booking_confirmation")).isZero();
        assertThat(orphanUndone()).isTrue();
    }

    @Test
    void aHoldActivatedByHandWhileItsInvoiceIsPaidGetsTheMoneyBackEvenIfStripeIsDownAtFirst() throws Exception {
        stripe.stubFor(post(urlEqualTo("/v1/invoices/in_1/pay")).atPriority(1)
                .willReturn(okJson(invoice("paid")).withFixedDelay(900)));
        stripe.stubFor(get(urlPathEqualTo("/v1/invoice_payments")).willReturn(okJson("""
                {"object": "list", "url": "/v1/invoice_payments", "has_more": false,
                 "data": [{"id": "inpay_1", "object": "invoice_payment", "invoice": "in_1", "status": "paid",
                           "payment": {"type": "payment_intent", "payment_intent": "pi_1"}}]}""")));
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).inScenario("refund").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up").willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Down\"}}")));
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).inScenario("refund").whenScenarioStateIs("up")
                .willReturn(okJson("{\"id\": \"re_1\", \"object\": \"refund\", \"status\": \"succeeded\"}")));
        enrollment = hold("semester");

        CompletableFuture<Void> run = CompletableFuture.runAsync(this::bill);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> !stripe.findAll(postRequestedFor(urlEqualTo("/v1/invoices/in_1/pay"))).isEmpty());
        TenantContext.runAs(school.id(), () -> transaction.executeWithoutResult(status ->
                schoolEnrollments.activate(school.id(), "admin@school.test", enrollment)));
        assertThat(run).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .withCauseInstanceOf(GatewayUnavailable.class);
        assertThat(orphanUndone()).as("Stripe was down: still to undo").isFalse();

        bill();  // the billing job's retry

        assertThat(status()).containsEntry("status", "active").containsEntry("stripe_invoice_id", null);
        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/refunds")).withRequestBody(containing("payment_intent=pi_1"))
                .withHeader("Idempotency-Key", equalTo("undo-invoice-" + enrollment + "-inpay_1")));
        assertThat(orphanUndone()).isTrue();
    }

    @Test
    void aRetryADayLaterFindsTheSubscriptionTheLostAnswerMadeInsteadOfMakingAnother() {
        // Stripe made sub_1 but its answer was lost; a day later the idempotency key is gone, so another create would
        // make sub_2: the retry must find sub_1 by our metadata and make nothing
        stripe.stubFor(post(urlEqualTo("/v1/subscriptions")).atPriority(1).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("made").willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong\"}}")));
        stripe.stubFor(post(urlEqualTo("/v1/subscriptions")).atPriority(1).inScenario("lost").whenScenarioStateIs("made")
                .willReturn(okJson("{\"id\": \"sub_2\", \"object\": \"subscription\", \"status\": \"active\"}")));
        enrollment = hold("monthly");
        assertThatThrownBy(this::bill).isInstanceOf(GatewayUnavailable.class);
        stripe.stubFor(get(urlPathEqualTo("/v1/subscriptions/search")).atPriority(1).willReturn(okJson(searchResult(
                "/v1/subscriptions/search", """
                        {"id": "sub_0", "object": "subscription", "status": "canceled"},
                        {"id": "sub_1", "object": "subscription", "status": "active",
                         "metadata": {"enrollment_id": "%s"}}""".formatted(enrollment)))));

        bill();

        assertThat(status()).containsEntry("status", "active").containsEntry("stripe_subscription_id", "sub_1");
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/subscriptions")));
        stripe.verify(getRequestedFor(urlPathEqualTo("/v1/subscriptions/search"))
                .withQueryParam("query", equalTo("metadata['enrollment_id']:'" + enrollment + "'")));
    }

    @Test
    void aRetryOfATermChargeCarriesOnTheInvoiceAnEarlierRunPaidAndChargesNothingMore() {
        stripe.stubFor(post(urlEqualTo("/v1/invoices/in_1/pay")).atPriority(1).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Bad gateway\"}}")));
        enrollment = hold("semester");
        assertThatThrownBy(this::bill).isInstanceOf(GatewayUnavailable.class);
        stripe.stubFor(get(urlPathEqualTo("/v1/invoices/search")).atPriority(1).willReturn(okJson(searchResult(
                "/v1/invoices/search", invoice("paid")))));

        bill();

        assertThat(status()).containsEntry("status", "active").containsEntry("stripe_invoice_id", "in_1");
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/invoices")));
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/invoiceitems")));
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/invoices/in_1/pay")));
    }

    @Test
    void aServerErrorIsTransientAndTheRetryCreatesNothingTwice() {
        stripe.stubFor(post(urlEqualTo("/v1/subscriptions")).atPriority(1).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong\"}}")));
        enrollment = hold("monthly");

        assertThatThrownBy(this::bill).isInstanceOf(GatewayUnavailable.class).hasMessageContaining("500");
        assertThat(status()).containsEntry("status", "provisional");
        bill();
        bill();

        assertThat(status()).containsEntry("status", "active");
        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/subscriptions"))
                .withHeader("Idempotency-Key", equalTo("subscription-" + enrollment)));
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/customers")));
    }

    @Test
    void aRateLimitIsTransientAndTheRetryGoesThrough() {
        stripe.stubFor(post(urlEqualTo("/v1/customers")).atPriority(1).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm").willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"rate_limit\", \"message\": \"Too many requests\"}}")));
        enrollment = hold("monthly");

        assertThatThrownBy(this::bill).isInstanceOf(GatewayUnavailable.class);
        assertThat(status()).containsEntry("status", "provisional");
        bill();

        assertThat(status()).containsEntry("status", "active");
        stripe.verify(2, postRequestedFor(urlEqualTo("/v1/customers")).withHeader("Idempotency-Key", containing("customer-")));
    }

    @Test
    void aTimeoutIsTransient() {
        stripe.stubFor(post(urlEqualTo("/v1/subscriptions")).atPriority(1)
                .willReturn(okJson("{}").withFixedDelay(3_000)));
        enrollment = hold("monthly");

        assertThatThrownBy(this::bill).isInstanceOf(GatewayUnavailable.class);
        assertThat(status()).containsEntry("status", "provisional");
    }

    private boolean orphanUndone() {
        return owner.jdbc().sql("select undone_at is not null from orphan_charges where enrollment_id = :e")
                .param("e", enrollment).query(Boolean.class).single();
    }

    private void bill() {
        TenantContext.runAs(school.id(), () -> pipeline.bill(school.id(), enrollment));
    }

    private void withCard(boolean card) {
        stripe.stubFor(get(urlEqualTo("/v1/customers/cus_1")).willReturn(okJson("""
                {"id": "cus_1", "object": "customer", "metadata": {},
                 "invoice_settings": {"default_payment_method": %s}, "livemode": false, "created": 1700000000}"""
                .formatted(card ? "\"pm_card_visa\"" : "null"))));
        stripe.stubFor(get(urlPathEqualTo("/v1/payment_methods")).willReturn(okJson("""
                {"object": "list", "url": "/v1/payment_methods", "has_more": false, "data": []}""")));
    }

    private static String invoice(String status) {
        return """
                {"id": "in_1", "object": "invoice", "status": "%s", "customer": "cus_1", "amount_due": 0,
                 "amount_paid": 0, "currency": "cad"}""".formatted(status);
    }

    private int weekday() {
        return LocalDate.now(VANCOUVER).plusDays(2).getDayOfWeek().getValue();
    }

    private UUID hold(String plan) {
        return hold(plan, "Ada Keys", "16:00");
    }

    /** A provisional hold of a new family, on a new teacher's slot. */
    private UUID hold(String plan, String teacher, String time) {
        UUID piano = school.instrument("piano " + teacher);
        UUID slot = school.slot(school.teacher(teacher, true, piano), weekday(), time);
        UUID payee = owner.jdbc().sql("insert into payees (school_id, name, email) values (:s, 'Pat Doe', :email) returning id")
                .param("s", school.id()).param("email", teacher.toLowerCase().replace(' ', '.') + ".family@families.test")
                .query(UUID.class).single();
        UUID student = school.student(payee, "Kid", piano);
        return owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date,
                                                 provisional_expires_at)
                        values (:s, :student, :slot, :plan, 'provisional', :start, now() + interval '14 days') returning id""")
                .param("s", school.id()).param("student", student).param("slot", slot).param("plan", plan)
                .param("start", LocalDate.now(VANCOUVER).plusDays(2)).query(UUID.class).single();
    }

    private UUID payeeOf(UUID enrollment) {
        return owner.jdbc().sql("select st.payee_id from enrollments e join students st on st.school_id = e.school_id "
                + "and st.id = e.student_id where e.id = :id").param("id", enrollment).query(UUID.class).single();
    }

    private Map<String, Object> status() {
        return owner.jdbc().sql("select status, failure_reason, stripe_subscription_id, stripe_invoice_id from enrollments where id = :id")
                .param("id", enrollment).query().singleRow();
    }

    private long emails(String template) {
        return owner.jdbc().sql("select count(*) from email_log where school_id = :s and template = :t")
                .param("s", school.id()).param("t", template).query(Long.class).single();
    }
}
