package academy.cedarheights.billing;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.billing.gateway.PaymentGateway;
import academy.cedarheights.billing.gateway.PaymentMethodDetails;
import academy.cedarheights.booking.Enrollments;
import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.platform.jobs.Jobs;
import academy.cedarheights.platform.security.Caller;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A family's payment method: what they see of it, and a new one put to work. When a family adds or replaces a card,
 * the provider is told — in a job, outside any transaction — to charge everything of the family to it: the customer's
 * default and each of its subscriptions (Stripe charges a subscription's own method before the customer's, so a
 * replaced card would otherwise never reach a live subscription), and open invoices are paid with it at once.
 */
@Service
@Transactional
public class PaymentMethods {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final PaymentGateway gateway;
    private final FamilyProfile families;
    private final Enrollments enrollments;
    private final Jobs jobs;
    private final OneTimeTask<PaymentMethodJob> putToWork;
    private final Renewals renewals;

    PaymentMethods(JdbcClient jdbc, TransactionTemplate transaction, PaymentGateway gateway, FamilyProfile families,
                   Enrollments enrollments, Jobs jobs, @Qualifier("usePaymentMethodTask") OneTimeTask<PaymentMethodJob> putToWork,
                   Renewals renewals) {
        this.renewals = renewals;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.gateway = gateway;
        this.families = families;
        this.enrollments = enrollments;
        this.jobs = jobs;
        this.putToWork = putToWork;
    }

    /** The signed-in parent's payment method, if the family has one. */
    @Transactional(readOnly = true)
    public Optional<PaymentMethodDetails> onFile(UUID school, Caller caller) {
        UUID payee = families.payee(school, caller).id();
        return jdbc.sql("""
                        select coalesce(method_type, 'card') as type, method_brand as brand, method_last4 as last4,
                               method_exp_month as exp_month, method_exp_year as exp_year, method_bank as bank_name
                          from billing_customers
                         where school_id = :school and payee_id = :payee and default_payment_method is not null""")
                .param("school", school).param("payee", payee).query(PaymentMethodDetails.class).optional();
    }

    /** In the transaction that learned of the new method: its work at the provider is scheduled, once per method. */
    void adopted(UUID school, UUID payee, String paymentMethod) {
        jobs.schedule(putToWork, payee + "-" + paymentMethod, new PaymentMethodJob(school, payee, paymentMethod));
    }

    private record Family(String customerId, String defaultMethod, List<String> subscriptions) {
    }

    /**
     * The job: learns what the family may see of the method, then makes it the one everything is charged to and pays
     * what is open. A method replaced again before this runs is left alone: the newer one's job does the work.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void putToWork(UUID school, UUID payee, String paymentMethod) {
        Family family = transaction.execute(status -> jdbc.sql("""
                        select customer_id, default_payment_method as default_method from billing_customers
                         where school_id = :school and payee_id = :payee""")
                .param("school", school).param("payee", payee)
                .query((rs, row) -> new Family(rs.getString("customer_id"), rs.getString("default_method"),
                        enrollments.subscriptionsOfFamily(school, payee)))
                .optional().orElse(null));
        if (family == null || !paymentMethod.equals(family.defaultMethod())) {
            return;
        }
        PaymentMethodDetails details = gateway.describe(paymentMethod);
        transaction.executeWithoutResult(status -> remember(school, payee, paymentMethod, details));
        if (family.customerId() != null) {
            gateway.chargeEverythingTo(family.customerId(), paymentMethod, family.subscriptions());
            gateway.payOpenInvoices(family.customerId(), paymentMethod);
        }
        // a renewal its old card declined is charged again on this one (finding its invoice paid, if just paid)
        transaction.executeWithoutResult(status -> renewals.retryDeclined(school, payee));
    }

    private void remember(UUID school, UUID payee, String paymentMethod, PaymentMethodDetails details) {
        jdbc.sql("""
                        update billing_customers
                           set method_type = :type, method_brand = :brand, method_last4 = :last4,
                               method_exp_month = :month, method_exp_year = :year, method_bank = :bank, updated_at = now()
                         where school_id = :school and payee_id = :payee and default_payment_method = :method""")
                .param("school", school).param("payee", payee).param("method", paymentMethod)
                .param("type", details.type()).param("brand", details.brand()).param("last4", details.last4())
                .param("month", details.expMonth()).param("year", details.expYear()).param("bank", details.bankName())
                .update();
    }
}
