package academy.cedarheights.platform.jobs;

import java.time.Instant;
import java.util.UUID;

/** A background job that gave up, with its last error; retried once an admin sends it back to the queue. */
public record DeadLetter(UUID id, String taskName, String taskInstance, String payload, String lastError, int attempts,
                         Instant createdAt, Instant retriedAt) {
}
