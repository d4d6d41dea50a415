package academy.cedarheights.billing.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The simulated provider's test numbers behave as Stripe's test mode documents them. */
class TestCardsTest {

    static final UUID CHECKOUT = UUID.fromString("6f1c2b0e-0c1d-4c55-9d59-0a3c0f6c2b11");

    @Test
    void eachTestNumberBecomesACardOfItsOwnCheckoutTypedWithOrWithoutSpaces() {
        assertThat(TestCards.methodOf(CHECKOUT, "4242 4242 4242 4242")).contains("pm_sim_6f1c2b0e0c1d4c559d590a3c0f6c2b11_4242");
        assertThat(TestCards.methodOf(CHECKOUT, "4000-0000-0000-0002")).hasValueSatisfying(card -> assertThat(card).endsWith("_0002"));
        assertThat(TestCards.methodOf(CHECKOUT, "4000000000000341")).hasValueSatisfying(card -> assertThat(card).endsWith("_0341"));
        assertThat(TestCards.methodOf(UUID.randomUUID(), "4242424242424242")).isNotEqualTo(TestCards.methodOf(CHECKOUT, "4242424242424242"));
        assertThat(TestCards.methodOf(CHECKOUT, "4111 1111 1111 1111")).as("a real-looking number").isEmpty();
        assertThat(TestCards.methodOf(CHECKOUT, null)).isEmpty();
    }

    @Test
    void onlyTheDecliningCardsDeclineAndTheLateOneOnlyAfterItsFirstCharge() {
        String good = TestCards.methodOf(CHECKOUT, "4242424242424242").orElseThrow();
        String declining = TestCards.methodOf(CHECKOUT, "4000000000000002").orElseThrow();
        String late = TestCards.methodOf(CHECKOUT, "4000000000000341").orElseThrow();

        assertThat(TestCards.declines(good, true)).isFalse();
        assertThat(TestCards.declines(good, false)).isFalse();
        assertThat(TestCards.declines(declining, true)).isTrue();
        assertThat(TestCards.declines(late, true)).isFalse();
        assertThat(TestCards.declines(late, false)).isTrue();
        assertThat(TestCards.last4(late)).isEqualTo("0341");
        assertThat(TestCards.last4("pm_card_visa")).as("not one of ours").isNull();
    }
}
