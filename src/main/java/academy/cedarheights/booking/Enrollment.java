package academy.cedarheights.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An enrollment as admins list it. */
public record Enrollment(UUID id, UUID trackingId, UUID studentId, String studentName, UUID timeslotId, UUID teacherId,
                         String billingPlan, String status, LocalDate startDate, Instant provisionalExpiresAt,
                         String failureReason, String stripeSubscriptionId, String stripeInvoiceId, Instant createdAt,
                         Instant activatedAt, Instant endedAt) {
}
