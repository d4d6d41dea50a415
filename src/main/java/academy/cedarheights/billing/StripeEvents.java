package academy.cedarheights.billing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Processes one stored Stripe event, in the school it belongs to (from our ids in the object's metadata, or
 * from its customer). Events come more than once and out of order, so every handler is idempotent and
 * subscription changes apply only when newer than the last one applied. Unknown types are kept and ignored.
 */
@Component
class StripeEvents {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final StripeCustomers customers;
    private final StripeEventHandlers handlers;
    private final JsonMapper json = JsonMapper.builder().build();

    StripeEvents(JdbcClient jdbc, TransactionTemplate transaction, StripeCustomers customers, StripeEventHandlers handlers) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.customers = customers;
        this.handlers = handlers;
    }

    record Stored(String type, String payload, String status) {
    }

    void process(String eventId) {
        Stored event = transaction.execute(status -> jdbc.sql("select type, payload::text as payload, status from stripe_events where id = :id")
                .param("id", eventId).query(Stored.class).optional().orElse(null));
        if (event == null || event.status().equals("processed") || event.status().equals("ignored")) {
            return;
        }
        JsonNode root = json.readTree(event.payload());
        JsonNode object = root.path("data").path("object");
        Instant created = Instant.ofEpochSecond(root.path("created").asLong());
        Optional<UUID> school = schoolOf(object);
        if (school.isEmpty()) {
            transaction.executeWithoutResult(status -> mark(eventId, null, "ignored", "no school of ours is named"));
            return;
        }
        try {
            TenantContext.runAs(school.get(), () -> transaction.executeWithoutResult(status -> {
                boolean handled = handlers.handle(school.get(), event.type(), object, eventId, created);
                mark(eventId, school.get(), handled ? "processed" : "ignored", null);
            }));
        } catch (RuntimeException e) {
            TenantContext.runAs(school.get(), () -> transaction.executeWithoutResult(status ->
                    mark(eventId, null, "failed", e.getClass().getSimpleName() + ": " + e.getMessage())));
            throw e;
        }
    }

    /**
     * The school a stored event belongs to, as far as can be told from it now; for a dead letter of its processing,
     * whose job was scheduled before anyone knew.
     */
    Optional<UUID> schoolOfEvent(String eventId) {
        return transaction.execute(status -> jdbc.sql("select payload::text from stripe_events where id = :id")
                        .param("id", eventId).query(String.class).optional())
                .flatMap(payload -> schoolOf(json.readTree(payload).path("data").path("object")));
    }

    private Optional<UUID> schoolOf(JsonNode object) {
        String fromMetadata = object.path("metadata").path("school_id").asString(null);
        if (fromMetadata != null && !fromMetadata.isBlank()) {
            return Optional.of(UUID.fromString(fromMetadata));
        }
        String customer = object.path("object").asString().equals("customer") ? object.path("id").asString()
                : object.path("customer").asString(null);
        return customer == null ? Optional.empty()
                : transaction.execute(status -> customers.owner(customer)).map(StripeCustomers.Owner::schoolId);
    }

    private void mark(String eventId, UUID school, String status, String error) {
        jdbc.sql("""
                        update stripe_events set status = :status, error = :error, school_id = coalesce(school_id, :school),
                               processed_at = now()
                         where id = :id""")
                .params(params(eventId, school, status, error)).update();
    }

    private static Map<String, Object> params(String id, UUID school, String status, String error) {
        var params = new java.util.HashMap<String, Object>();
        params.put("id", id);
        params.put("school", school);
        params.put("status", status);
        params.put("error", error);
        return params;
    }
}
