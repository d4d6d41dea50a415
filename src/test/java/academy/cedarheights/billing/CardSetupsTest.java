package academy.cedarheights.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.billing.gateway.CardSetup;
import academy.cedarheights.billing.gateway.Charged;
import academy.cedarheights.billing.gateway.LessonCharge;
import academy.cedarheights.billing.gateway.MonthlyPlan;
import academy.cedarheights.billing.gateway.NewCustomer;
import academy.cedarheights.billing.gateway.PaymentGateway;
import academy.cedarheights.billing.gateway.PaymentMethodDetails;
import academy.cedarheights.booking.Holds;
import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.persistence.DatabaseProperties;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.security.Role;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.schools.SchoolAddresses;
import academy.cedarheights.schools.Schools;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import academy.cedarheights.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Asking for a card calls the provider between transactions, never inside one, and stores the new customer. */
@IntegrationTest
class CardSetupsTest {

    @Autowired JdbcClient jdbc;
    @Autowired FamilyProfile families;
    @Autowired PaymentGateway gateway;
    @Autowired Holds holds;
    @Autowired BillingTriggers triggers;
    @Autowired StripeCustomers customers;
    @Autowired TransactionTemplate transaction;
    @Autowired TestSchools schools;
    @Autowired Api api;
    @Autowired SchoolAddresses addresses;
    @Autowired PaymentMethods methods;
    @Autowired Schools schoolsFacade;

    @Test
    void noProviderCallHappensInsideADatabaseTransaction() {
        TestSchool school = schools.create();
        String token = school.signUp(api, "card@families.test");
        Caller caller = new Caller(Tokens.claims(token).path("sub").asString(), "card@families.test", Role.PARENT,
                school.slug(), true);
        Watched watched = new Watched(gateway);
        CardSetups cards = new CardSetups(jdbc, families, watched, holds, triggers, customers,
                new BillingProperties(null, null, "https://api.stripe.com", 1, java.time.Duration.ofSeconds(20), null),
                new DatabaseProperties(null, null, false), transaction, addresses, methods, schoolsFacade);

        String url = TenantContext.callAs(school.id(), () ->
                cards.setupUrl(new CurrentSchool(school.id(), school.slug(), java.time.ZoneId.of("America/Vancouver")), caller));

        assertThat(url).contains("/billing/simulated-checkout/" + school.slug() + "/");
        assertThat(watched.calls).containsExactly("createCustomer outside a transaction", "cardSetupUrl outside a transaction");
        UUID payee = TenantContext.callAs(school.id(), () -> transaction.execute(status -> families.payee(school.id(), caller).id()));
        assertThat(TenantContext.callAs(school.id(), () -> transaction.execute(status -> customers.of(school.id(), payee)))
                .customerId()).as("the new customer is stored").isNotNull();
    }

    /** The real (simulated) gateway, noting for each call whether a transaction was open around it. */
    static final class Watched implements PaymentGateway {
        final List<String> calls = new ArrayList<>();
        private final PaymentGateway real;

        Watched(PaymentGateway real) {
            this.real = real;
        }

        private void note(String call) {
            calls.add(call + (TransactionSynchronizationManager.isActualTransactionActive() ? " inside" : " outside")
                    + " a transaction");
        }

        @Override
        public String createProduct(UUID schoolId, String name) {
            note("createProduct");
            return real.createProduct(schoolId, name);
        }

        @Override
        public String createMonthlyPrice(UUID schoolId, String productId, Money amount) {
            note("createMonthlyPrice");
            return real.createMonthlyPrice(schoolId, productId, amount);
        }

        @Override
        public PaymentMethodDetails describe(String paymentMethodId) {
            note("describe");
            return real.describe(paymentMethodId);
        }

        @Override
        public void chargeEverythingTo(String customerId, String paymentMethodId, List<String> subscriptionIds) {
            note("chargeEverythingTo");
            real.chargeEverythingTo(customerId, paymentMethodId, subscriptionIds);
        }

        @Override
        public List<String> payOpenInvoices(String customerId, String paymentMethodId) {
            note("payOpenInvoices");
            return real.payOpenInvoices(customerId, paymentMethodId);
        }

        @Override
        public String createCustomer(NewCustomer customer) {
            note("createCustomer");
            return real.createCustomer(customer);
        }

        @Override
        public Optional<String> defaultPaymentMethod(String customerId, String onFile) {
            note("defaultPaymentMethod");
            return real.defaultPaymentMethod(customerId, onFile);
        }

        @Override
        public Charged subscribeMonthly(MonthlyPlan plan) {
            note("subscribeMonthly");
            return real.subscribeMonthly(plan);
        }

        @Override
        public Charged chargeLessons(LessonCharge charge) {
            note("chargeLessons");
            return real.chargeLessons(charge);
        }

        @Override
        public void cancelSubscription(String subscriptionId, String idempotencyKey) {
            note("cancelSubscription");
            real.cancelSubscription(subscriptionId, idempotencyKey);
        }

        @Override
        public void anonymiseCustomer(String customerId, String idempotencyKey) {
            note("anonymiseCustomer");
            real.anonymiseCustomer(customerId, idempotencyKey);
        }

        @Override
        public void refundInvoice(String invoiceId, String idempotencyKey) {
            note("refundInvoice");
            real.refundInvoice(invoiceId, idempotencyKey);
        }

        @Override
        public void voidInvoice(String invoiceId, String idempotencyKey) {
            note("voidInvoice");
            real.voidInvoice(invoiceId, idempotencyKey);
        }

        @Override
        public void pauseUntil(String subscriptionId, java.time.Instant resumesAt, String idempotencyKey) {
            note("pauseUntil");
            real.pauseUntil(subscriptionId, resumesAt, idempotencyKey);
        }

        @Override
        public String refund(String invoiceId, Money amount, String idempotencyKey) {
            note("refund");
            return real.refund(invoiceId, amount, idempotencyKey);
        }

        @Override
        public String cardSetupUrl(CardSetup setup) {
            note("cardSetupUrl");
            return real.cardSetupUrl(setup);
        }
    }
}
