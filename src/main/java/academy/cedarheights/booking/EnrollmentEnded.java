package academy.cedarheights.booking;

import java.util.UUID;

/** An enrollment was cancelled or its hold expired; published in that transaction (billing stops charging). */
public record EnrollmentEnded(UUID schoolId, UUID enrollmentId, EnrollmentStatus status, String stripeSubscriptionId) {
}
