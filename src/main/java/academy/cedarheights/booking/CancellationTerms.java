package academy.cedarheights.booking;

import java.util.Optional;
import java.util.UUID;

/**
 * What a family gets back if it cancels an enrollment now, in a sentence for the page that asks it to confirm.
 * Billing knows what was paid and the school's policy; booking asks through this port, which billing implements.
 */
public interface CancellationTerms {

    /** Empty when nothing comes back (a monthly plan, nothing paid ahead, or a school whose policy is none). */
    Optional<String> onCancelling(UUID school, UUID enrollmentId);
}
