package academy.cedarheights.platform.jobs;

import java.util.UUID;

/**
 * A background job ran out of attempts and was written to the dead-letter table; published so an
 * admin can be told.
 *
 * @param schoolId the school the job served, or null for deployment-wide jobs
 */
public record JobDeadLettered(UUID deadLetterId, UUID schoolId, String taskName, String taskInstance, String lastError) {
}
