package academy.cedarheights.billing.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import academy.cedarheights.platform.Money;
import academy.cedarheights.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** The simulated provider charges its test cards as Stripe's test mode does, counting in its own table. */
@IntegrationTest
class SimulatedGatewayTest {

    /** The application's own gateway, not the tests' switch in front of it. */
    @Autowired @Qualifier("paymentGateway") PaymentGateway gateway;

    @Test
    void theLateDecliningCardPaysItsFirstChargeOnlyAndTheDecliningOneNone() {
        String late = TestCards.methodOf(UUID.randomUUID(), "4000 0000 0000 0341").orElseThrow();
        String declining = TestCards.methodOf(UUID.randomUUID(), "4000 0000 0000 0002").orElseThrow();
        String good = TestCards.methodOf(UUID.randomUUID(), "4242 4242 4242 4242").orElseThrow();

        assertThat(gateway).isInstanceOf(SimulatedGateway.class);
        assertThat(gateway.chargeLessons(charge(late)).id()).startsWith("in_sim_");
        assertThatThrownBy(() -> gateway.chargeLessons(charge(late)).id()).isInstanceOf(PaymentRefused.class)
                .hasMessage("the card was declined (card_declined)");
        assertThatThrownBy(() -> gateway.subscribeMonthly(new MonthlyPlan(UUID.randomUUID(), UUID.randomUUID(), "cus_sim",
                declining, "price_sim", "lessons", Instant.now(), false, false))).isInstanceOf(PaymentRefused.class);
        assertThat(gateway.chargeLessons(charge(good)).id()).startsWith("in_sim_");
        assertThat(gateway.chargeLessons(charge(good)).id()).as("as often as asked").startsWith("in_sim_");
    }

    private static LessonCharge charge(String card) {
        UUID enrollment = UUID.randomUUID();
        return new LessonCharge(UUID.randomUUID(), enrollment, enrollment, "cus_sim", card, Money.of(42000, "CAD"),
                "Weekly lessons", false);
    }
}
