package academy.cedarheights.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secretKey     {@code STRIPE_SECRET_KEY}; unset, the simulated gateway is used
 * @param webhookSecret {@code STRIPE_WEBHOOK_SECRET}
 * @param apiBase       {@code STRIPE_API_BASE}: where the Stripe API is (tests point it at a local fake)
 * @param networkRetries the SDK's own quick retries of one call, before our job's backoff takes over
 * @param readTimeout   how long one Stripe call may take before it counts as a transient failure
 * @param payments      {@code APP_PAYMENTS}: {@code simulated} lets a deployment with {@code DATABASE_URL} run without
 *                      a payment provider (it refuses to start otherwise)
 */
@ConfigurationProperties("stripe")
record BillingProperties(String secretKey, String webhookSecret, @DefaultValue("https://api.stripe.com") String apiBase,
                         @DefaultValue("1") int networkRetries, @DefaultValue("20s") java.time.Duration readTimeout,
                         String payments) {

    boolean live() {
        return secretKey != null && !secretKey.isBlank();
    }

    /** A real deployment that chose, out loud, to take no payments. */
    boolean simulatedInProduction(boolean embeddedDatabase) {
        return !live() && !embeddedDatabase && "simulated".equalsIgnoreCase(payments);
    }
}
