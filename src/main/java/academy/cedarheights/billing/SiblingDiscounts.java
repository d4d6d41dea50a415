package academy.cedarheights.billing;

import java.util.UUID;

import academy.cedarheights.booking.SiblingDiscount;
import academy.cedarheights.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sibling discount in billing's hands (the rule itself is booking's {@link SiblingDiscount}): what a charge costs
 * after it, and the ledger's two lines for it — the charge at full price, and the discount as its own line. A monthly
 * subscription's price is made discounted, so the percent it was made with is remembered for each month's invoice.
 */
@Component
class SiblingDiscounts {

    private final JdbcClient jdbc;
    private final SiblingDiscount rule;
    private final Ledger ledger;

    SiblingDiscounts(JdbcClient jdbc, SiblingDiscount rule, Ledger ledger) {
        this.jdbc = jdbc;
        this.rule = rule;
        this.ledger = ledger;
    }

    /** A charge's full price, its discount and the percent; {@link #net()} is what the family pays. */
    record Priced(Money gross, Money discount, int percent) {

        static Priced full(Money gross) {
            return of(gross, 0);
        }

        static Priced of(Money gross, int percent) {
            return new Priced(gross, SiblingDiscount.off(gross, percent), percent);
        }

        Money net() {
            return Money.of(gross.amount() - discount.amount(), gross.currency());
        }
    }

    /** The enrollment's charge of {@code gross}, as the rule stands now. */
    Priced price(UUID school, UUID enrollment, Money gross) {
        return Priced.of(gross, rule.percentFor(school, enrollment));
    }

    /** A monthly invoice the provider made at the subscription's discounted price: its full price and discount. */
    Priced invoiced(UUID school, UUID enrollment, Money invoiced) {
        int percent = monthlyPercent(school, enrollment);
        if (percent == 0) {
            return Priced.full(invoiced);
        }
        Money gross = SiblingDiscount.grossOf(invoiced, percent);
        return new Priced(gross, Money.of(gross.amount() - invoiced.amount(), invoiced.currency()), percent);
    }

    /** The subscription's price was made with this discount. */
    void subscribed(UUID school, UUID enrollment, int percent) {
        if (percent > 0) {
            jdbc.sql("""
                            insert into monthly_discounts (school_id, enrollment_id, percent) values (:school, :enrollment, :percent)
                            on conflict (school_id, enrollment_id) do nothing""")
                    .param("school", school).param("enrollment", enrollment).param("percent", percent).update();
        }
    }

    /** The charge at full price and, beside it, its discount. */
    void charged(UUID school, UUID payee, UUID enrollment, String invoice, Priced priced, Ledger.ChargeFor what,
                 boolean ours) {
        ledger.charged(school, payee, enrollment, invoice, priced.gross(), what, ours);
        ledger.discounted(school, payee, enrollment, invoice, priced.discount(), priced.percent());
    }

    private int monthlyPercent(UUID school, UUID enrollment) {
        return enrollment == null ? 0 : jdbc.sql("""
                        select percent from monthly_discounts where school_id = :school and enrollment_id = :enrollment""")
                .param("school", school).param("enrollment", enrollment).query(Integer.class).optional().orElse(0);
    }
}
