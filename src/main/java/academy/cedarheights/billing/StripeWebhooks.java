package academy.cedarheights.billing;

import academy.cedarheights.platform.jobs.Jobs;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives Stripe's webhooks: the signature is checked on the raw body (5 minutes' tolerance), the event is
 * stored once under Stripe's id and processing is left to a job, so Stripe gets its answer at once. A replay
 * finds the event stored and changes nothing.
 */
@Service
public class StripeWebhooks {

    static final long TOLERANCE_SECONDS = 300;
    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final OneTimeTask<StripeEventJob> process;
    private final BillingProperties stripe;
    private final JsonMapper json = JsonMapper.builder().build();

    StripeWebhooks(JdbcClient jdbc, Jobs jobs, OneTimeTask<StripeEventJob> process, BillingProperties stripe) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.process = process;
        this.stripe = stripe;
    }

    /** @return whether the event is new (false for a replay) */
    @Transactional
    public boolean receive(String payload, String signature) {
        verify(payload, signature);
        JsonNode event = json.readTree(payload);
        String id = event.path("id").asString();
        if (!id.startsWith("evt_")) {
            throw new InvalidSignature("the body is not a Stripe event");
        }
        boolean stored = jdbc.sql("""
                        insert into stripe_events (id, type, payload, created_at)
                        values (:id, :type, cast(:payload as jsonb), to_timestamp(:created)) on conflict (id) do nothing""")
                .param("id", id).param("type", event.path("type").asString()).param("payload", payload)
                .param("created", event.path("created").asLong()).update() == 1;
        if (stored) {
            jobs.schedule(process, id, new StripeEventJob(id));
        }
        return stored;
    }

    private void verify(String payload, String signature) {
        if (stripe.webhookSecret() == null || stripe.webhookSecret().isBlank()) {
            throw new InvalidSignature("webhooks are not configured (STRIPE_WEBHOOK_SECRET)");
        }
        if (signature == null || signature.isBlank()) {
            throw new InvalidSignature("is missing");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signature, stripe.webhookSecret(), TOLERANCE_SECONDS);
        } catch (SignatureVerificationException e) {
            throw new InvalidSignature(e.getMessage());
        }
    }
}
