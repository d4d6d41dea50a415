package academy.cedarheights.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import academy.cedarheights.billing.gateway.SimulatedGateway;
import academy.cedarheights.platform.persistence.DatabaseProperties;
import org.junit.jupiter.api.Test;

/** A real deployment that forgot its Stripe key does not start taking bookings nobody pays for. */
class ProductionPaymentsTest {

    static final DatabaseProperties PRODUCTION = new DatabaseProperties("postgres://app:pw@db/cedar", null, false);
    static final DatabaseProperties EMBEDDED = new DatabaseProperties(null, null, false);

    @Test
    void withoutAKeyARealDeploymentRefusesToStart() {
        assertThatThrownBy(() -> new BillingConfiguration().paymentGateway(properties(null), null, null, PRODUCTION))
                .hasMessageContaining("STRIPE_SECRET_KEY").hasMessageContaining("APP_PAYMENTS=simulated");
    }

    @Test
    void simulatedPaymentsOnlyWhenTheOperatorSaysSo() {
        assertThat(new BillingConfiguration().paymentGateway(properties("simulated"), null, null, PRODUCTION))
                .isInstanceOf(SimulatedGateway.class);
        assertThat(properties("simulated").simulatedInProduction(false)).as("admin pages show the banner").isTrue();
        assertThat(new BillingConfiguration().paymentGateway(properties(null), null, null, EMBEDDED))
                .as("the demo").isInstanceOf(SimulatedGateway.class);
        assertThat(properties(null).simulatedInProduction(true)).isFalse();
    }

    private static BillingProperties properties(String payments) {
        return new BillingProperties(null, null, "https://api.stripe.com", 1, Duration.ofSeconds(20), payments);
    }
}
