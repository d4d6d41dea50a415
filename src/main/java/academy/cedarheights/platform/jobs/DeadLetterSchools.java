package academy.cedarheights.platform.jobs;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds the school of a job whose payload does not name one (it was not known when the job was scheduled, as with a
 * Stripe webhook), so that its dead letter reaches that school's admins. Modules with such jobs implement it.
 */
public interface DeadLetterSchools {

    /** The school the payload's work belongs to, if it can be told now. */
    Optional<UUID> schoolOf(String taskName, Object payload);
}
