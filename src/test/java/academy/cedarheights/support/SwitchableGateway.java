package academy.cedarheights.support;

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
import academy.cedarheights.platform.Money;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The payment gateway of the test application: the one it configures (simulated, without Stripe keys) until a test
 * points it at the real Stripe client talking to a local fake — in the one shared context, so that no second
 * application's job workers share the database. A test that switches it puts it back ({@link #reset()}).
 */
public class SwitchableGateway implements PaymentGateway {

    private final PaymentGateway usual;
    private volatile PaymentGateway current;

    SwitchableGateway(PaymentGateway usual) {
        this.usual = usual;
        this.current = usual;
    }

    public void use(PaymentGateway gateway) {
        current = gateway;
    }

    public void reset() {
        current = usual;
    }

    @Override
    public String createProduct(UUID schoolId, String name) {
        return current.createProduct(schoolId, name);
    }

    @Override
    public String createMonthlyPrice(UUID schoolId, String productId, Money amount) {
        return current.createMonthlyPrice(schoolId, productId, amount);
    }

    @Override
    public String createCustomer(NewCustomer customer) {
        return current.createCustomer(customer);
    }

    @Override
    public Optional<String> defaultPaymentMethod(String customerId, String onFile) {
        return current.defaultPaymentMethod(customerId, onFile);
    }

    @Override
    public Charged subscribeMonthly(MonthlyPlan plan) {
        return current.subscribeMonthly(plan);
    }

    @Override
    public Charged chargeLessons(LessonCharge charge) {
        return current.chargeLessons(charge);
    }

    @Override
    public void cancelSubscription(String subscriptionId, String idempotencyKey) {
        current.cancelSubscription(subscriptionId, idempotencyKey);
    }

    @Override
    public void anonymiseCustomer(String customerId, String idempotencyKey) {
        current.anonymiseCustomer(customerId, idempotencyKey);
    }

    @Override
    public void refundInvoice(String invoiceId, String idempotencyKey) {
        current.refundInvoice(invoiceId, idempotencyKey);
    }

    @Override
    public void voidInvoice(String invoiceId, String idempotencyKey) {
        current.voidInvoice(invoiceId, idempotencyKey);
    }

    @Override
    public void pauseUntil(String subscriptionId, java.time.Instant resumesAt, String idempotencyKey) {
        current.pauseUntil(subscriptionId, resumesAt, idempotencyKey);
    }

    @Override
    public String refund(String invoiceId, Money amount, String idempotencyKey) {
        return current.refund(invoiceId, amount, idempotencyKey);
    }

    @Override
    public PaymentMethodDetails describe(String paymentMethodId) {
        return current.describe(paymentMethodId);
    }

    @Override
    public void chargeEverythingTo(String customerId, String paymentMethodId, List<String> subscriptionIds) {
        current.chargeEverythingTo(customerId, paymentMethodId, subscriptionIds);
    }

    @Override
    public List<String> payOpenInvoices(String customerId, String paymentMethodId) {
        return current.payOpenInvoices(customerId, paymentMethodId);
    }

    @Override
    public String cardSetupUrl(CardSetup setup) {
        return current.cardSetupUrl(setup);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        SwitchableGateway switchableGateway(@Qualifier("paymentGateway") PaymentGateway usual) {
            return new SwitchableGateway(usual);
        }
    }
}
