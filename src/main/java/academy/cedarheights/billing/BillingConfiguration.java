package academy.cedarheights.billing;

import java.time.Duration;

import academy.cedarheights.billing.gateway.PaymentGateway;
import academy.cedarheights.billing.gateway.SimulatedGateway;
import academy.cedarheights.billing.gateway.StripeGateway;
import academy.cedarheights.platform.jobs.JobDefinitions;
import academy.cedarheights.platform.persistence.DatabaseProperties;
import academy.cedarheights.platform.tenancy.TenantContext;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The payment gateway (Stripe with a key, simulated without) and the billing jobs. */
@Configuration(proxyBeanMethods = false)
class BillingConfiguration {

    static final String BILL = "bill-enrollment";
    static final String CANCEL_SUBSCRIPTION = "cancel-subscription";
    static final String ANONYMISE_CUSTOMER = "anonymise-customer";
    static final String PROCESS_EVENT = "process-stripe-event";
    static final String USE_PAYMENT_METHOD = "use-payment-method";
    static final String CHARGE_RENEWAL = "charge-renewal";
    static final String REFUND = "refund-unused-lessons";
    static final String PAUSE_MONTH = "pause-month";
    static final String VOID_INVOICE = "void-invoice";
    private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

    /**
     * Stripe with a key. Without one, payments are simulated — on the embedded (demo) database as a matter of course,
     * with {@code DATABASE_URL} only when the operator says so ({@code APP_PAYMENTS=simulated}), since a school that
     * forgot its key would otherwise take bookings that nobody pays for.
     */
    @Bean
    PaymentGateway paymentGateway(BillingProperties stripe, JdbcClient jdbc, TransactionTemplate transaction,
                                  DatabaseProperties database) {
        if (stripe.live()) {
            log.info("Payments go through Stripe at {}", stripe.apiBase());
            return new StripeGateway(stripe.secretKey(), stripe.apiBase(), stripe.networkRetries(),
                    (int) stripe.readTimeout().toMillis());
        }
        if (stripe.simulatedInProduction(database.embedded())) {
            log.warn("APP_PAYMENTS=simulated with DATABASE_URL: no payment is taken; admin pages say so");
        } else if (!database.embedded()) {
            throw new IllegalStateException("No payment provider: set STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET), "
                    + "or APP_PAYMENTS=simulated to run without taking payments.");
        } else {
            log.info("No STRIPE_SECRET_KEY: payments are simulated");
        }
        return new SimulatedGateway(jdbc, transaction);
    }

    @Bean
    OneTimeTask<BillingJob> billEnrollmentTask(JobDefinitions jobs, ObjectProvider<BillingPipeline> pipeline) {
        return jobs.oneTime(BILL, BillingJob.class, (instance, context) -> {
            BillingJob job = instance.getData();
            TenantContext.runAs(job.schoolId(), () -> pipeline.getObject().bill(job.schoolId(), job.enrollmentId()));
        });
    }

    @Bean
    OneTimeTask<StripeEventJob> processStripeEventTask(JobDefinitions jobs, ObjectProvider<StripeEvents> events) {
        return jobs.oneTime(PROCESS_EVENT, StripeEventJob.class,
                (instance, context) -> events.getObject().process(instance.getData().eventId()));
    }

    @Bean
    OneTimeTask<PaymentMethodJob> usePaymentMethodTask(JobDefinitions jobs, ObjectProvider<PaymentMethods> methods) {
        return jobs.oneTime(USE_PAYMENT_METHOD, PaymentMethodJob.class, (instance, context) -> {
            PaymentMethodJob job = instance.getData();
            TenantContext.runAs(job.schoolId(), () -> methods.getObject().putToWork(job.schoolId(), job.payeeId(),
                    job.paymentMethodId()));
        });
    }

    /** Daily (and at start): families whose card expires within the month are asked for a new one. */
    @Bean
    RecurringTask<Void> cardExpiryNoticesTask(JobDefinitions jobs, CardExpiryNotices notices,
                                              @Value("${app.card-expiry-check:24h}") Duration every) {
        return jobs.recurring("card-expiry-notices", every, notices::sendAll);
    }

    @Bean
    OneTimeTask<RenewalChargeJob> chargeRenewalTask(JobDefinitions jobs, ObjectProvider<RenewalCharges> charges) {
        return jobs.oneTime(CHARGE_RENEWAL, RenewalChargeJob.class, (instance, context) -> {
            RenewalChargeJob job = instance.getData();
            TenantContext.runAs(job.schoolId(), () -> charges.getObject().charge(job.schoolId(), job.renewalId()));
        });
    }

    @Bean
    OneTimeTask<VoidInvoiceJob> voidInvoiceTask(JobDefinitions jobs, PaymentGateway gateway) {
        return jobs.oneTime(VOID_INVOICE, VoidInvoiceJob.class, (instance, context) ->
                gateway.voidInvoice(instance.getData().invoiceId(), "void-" + instance.getData().invoiceId()));
    }

    @Bean
    OneTimeTask<PauseJob> pauseMonthTask(JobDefinitions jobs, PaymentGateway gateway) {
        return jobs.oneTime(PAUSE_MONTH, PauseJob.class, (instance, context) -> gateway.pauseUntil(
                instance.getData().subscriptionId(), instance.getData().resumesAt(), instance.getData().idempotencyKey()));
    }

    /** Daily: monthly plans of schools that pause for closures skip a month without lessons. */
    @Bean
    RecurringTask<Void> monthlyPausesTask(JobDefinitions jobs, ObjectProvider<MonthlyPauses> pauses,
                                          @Value("${app.renewals-check:6h}") Duration every) {
        return jobs.recurring("monthly-pauses", every, () -> pauses.getObject().pauseAll());
    }

    /** Daily: monthly families the school bills itself owe each new month on their account. */
    @Bean
    RecurringTask<Void> outsideMonthsTask(JobDefinitions jobs, ObjectProvider<OutsideMonths> months,
                                          @Value("${app.renewals-check:6h}") Duration every) {
        return jobs.recurring("outside-monthly-charges", every, () -> months.getObject().chargeAll());
    }

    @Bean
    OneTimeTask<RefundJob> refundTask(JobDefinitions jobs, ObjectProvider<CancellationCredits> credits) {
        return jobs.oneTime(REFUND, RefundJob.class, (instance, context) -> TenantContext.runAs(
                instance.getData().schoolId(), () -> credits.getObject().refund(instance.getData())));
    }

    /** Daily (and at start): terms that renew soon are announced, those due charged, those lapsed ended. */
    @Bean
    RecurringTask<Void> renewalsTask(JobDefinitions jobs, ObjectProvider<Renewals> renewals,
                                     @Value("${app.renewals-check:6h}") Duration every) {
        return jobs.recurring("renewals", every, () -> renewals.getObject().sweepAll());
    }

    @Bean
    OneTimeTask<CancelSubscriptionJob> cancelSubscriptionTask(JobDefinitions jobs, PaymentGateway gateway) {
        return jobs.oneTime(CANCEL_SUBSCRIPTION, CancelSubscriptionJob.class, (instance, context) ->
                gateway.cancelSubscription(instance.getData().subscriptionId(),
                        "cancel-subscription-" + instance.getData().enrollmentId()));
    }

    @Bean
    OneTimeTask<AnonymiseCustomerJob> anonymiseCustomerTask(JobDefinitions jobs, PaymentGateway gateway) {
        return jobs.oneTime(ANONYMISE_CUSTOMER, AnonymiseCustomerJob.class, (instance, context) ->
                gateway.anonymiseCustomer(instance.getData().customerId(),
                        "anonymise-customer-" + instance.getData().customerId()));
    }
}
