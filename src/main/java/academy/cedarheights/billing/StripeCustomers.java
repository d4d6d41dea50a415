package academy.cedarheights.billing;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A family's billing identity, billing's own: its Stripe customer and default payment method
 * ({@code billing_customers}), and a routing table without row-level security ({@code stripe_customers}) so that a
 * webhook, which names only the customer, can find its school. Other modules read whether a family has a payment
 * method through the view {@code family_payment_methods}.
 */
@Component
class StripeCustomers {

    private final JdbcClient jdbc;

    StripeCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The family's customer and card as billing knows them; both may be missing. */
    record Family(String customerId, String defaultPaymentMethod) {

        static final Family UNKNOWN = new Family(null, null);
    }

    Family of(UUID school, UUID payee) {
        return jdbc.sql("""
                        select customer_id, default_payment_method from billing_customers
                         where school_id = :school and payee_id = :payee""")
                .param("school", school).param("payee", payee).query(Family.class).optional().orElse(Family.UNKNOWN);
    }

    /** Records a new customer in the caller's (school-scoped) transaction, in one statement; the first one recorded wins. */
    void remember(UUID school, UUID payee, String customerId) {
        jdbc.sql("""
                        with family as (
                            insert into billing_customers as b (school_id, payee_id, customer_id) values (:school, :payee, :customer)
                            on conflict (school_id, payee_id) do update set customer_id = :customer, updated_at = now()
                             where b.customer_id is null)
                        insert into stripe_customers (customer_id, school_id, payee_id) values (:customer, :school, :payee)
                        on conflict do nothing""")
                .param("school", school).param("payee", payee).param("customer", customerId).update();
    }

    /** The family's default payment method is now this one. */
    void paymentMethodAdded(UUID school, UUID payee, String paymentMethod) {
        jdbc.sql("""
                        insert into billing_customers as b (school_id, payee_id, default_payment_method)
                        values (:school, :payee, :card)
                        on conflict (school_id, payee_id) do update set default_payment_method = :card, updated_at = now()""")
                .param("school", school).param("payee", payee).param("card", paymentMethod).update();
    }

    record Owner(UUID schoolId, UUID payeeId) {
    }

    Optional<Owner> owner(String customerId) {
        return jdbc.sql("select school_id, payee_id from stripe_customers where customer_id = :customer")
                .param("customer", customerId).query(Owner.class).optional();
    }
}
