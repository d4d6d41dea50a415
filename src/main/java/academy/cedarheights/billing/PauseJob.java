package academy.cedarheights.billing;

import java.time.Instant;
import java.util.UUID;

import academy.cedarheights.platform.jobs.SchoolScoped;

/** Pauses a monthly subscription's billing until {@code resumesAt}; the job's instance id names it and its month. */
record PauseJob(UUID schoolId, String subscriptionId, Instant resumesAt, String idempotencyKey) implements SchoolScoped {
}
