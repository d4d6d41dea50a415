package academy.cedarheights.billing;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which family a Stripe customer is: stored on the family, and in a routing table without row-level security
 * so that a webhook, which names only the customer, can find its school.
 */
@Component
class StripeCustomers {

    private final JdbcClient jdbc;

    StripeCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new customer in the caller's (school-scoped) transaction, in one statement; the first one recorded wins. */
    void remember(UUID school, UUID payee, String customerId) {
        jdbc.sql("""
                        with family as (
                            update payees set stripe_customer_id = :customer, updated_at = now()
                             where school_id = :school and id = :payee and stripe_customer_id is null)
                        insert into stripe_customers (customer_id, school_id, payee_id) values (:customer, :school, :payee)
                        on conflict do nothing""")
                .param("school", school).param("payee", payee).param("customer", customerId).update();
    }

    record Owner(UUID schoolId, UUID payeeId) {
    }

    Optional<Owner> owner(String customerId) {
        return jdbc.sql("select school_id, payee_id from stripe_customers where customer_id = :customer")
                .param("customer", customerId).query(Owner.class).optional();
    }
}
