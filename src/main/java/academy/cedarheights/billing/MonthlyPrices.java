package academy.cedarheights.billing;

import java.util.UUID;

import academy.cedarheights.billing.gateway.PaymentGateway;
import academy.cedarheights.platform.Money;
import academy.cedarheights.schools.BillingPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The school's monthly plan at the provider: one product per school and one price per amount, each made once and
 * kept ({@code billing_products}, {@code billing_prices}), so every subscription of a month's price names the same
 * price. Made outside any transaction; should two runs make one at once, the first stored wins and both use it.
 */
@Component
class MonthlyPrices {

    private static final String MONTHLY = BillingPlan.MONTHLY.key();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    MonthlyPrices(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** The stored price of this amount, or null; read inside the run's own transaction. */
    String stored(UUID school, Money amount) {
        return jdbc.sql("""
                        select price_id from billing_prices
                         where school_id = :school and plan = :plan and amount_cents = :amount and currency = :currency""")
                .param("school", school).param("plan", MONTHLY).param("amount", amount.amount())
                .param("currency", amount.currency()).query(String.class).optional().orElse(null);
    }

    /** The price of this amount: the stored one, or one made now (with the school's product, made once too). */
    String of(UUID school, Money amount, String stored, PaymentGateway gateway) {
        if (stored != null) {
            return stored;
        }
        String product = transaction.execute(status -> product(school));
        if (product == null) {
            String made = gateway.createProduct(school, "Weekly music lessons");
            product = transaction.execute(status -> {
                jdbc.sql("insert into billing_products (school_id, product_id) values (:school, :product) on conflict do nothing")
                        .param("school", school).param("product", made).update();
                return product(school);
            });
        }
        String made = gateway.createMonthlyPrice(school, product, amount);
        return transaction.execute(status -> {
            jdbc.sql("""
                            insert into billing_prices (school_id, plan, amount_cents, currency, price_id)
                            values (:school, :plan, :amount, :currency, :price) on conflict do nothing""")
                    .param("school", school).param("plan", MONTHLY).param("amount", amount.amount())
                    .param("currency", amount.currency()).param("price", made).update();
            return stored(school, amount);
        });
    }

    private String product(UUID school) {
        return jdbc.sql("select product_id from billing_products where school_id = :school")
                .param("school", school).query(String.class).optional().orElse(null);
    }
}
