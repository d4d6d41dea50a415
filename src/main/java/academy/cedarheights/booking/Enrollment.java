package academy.cedarheights.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import academy.cedarheights.schools.BillingPlan;

/** An enrollment as admins list it. */
public record Enrollment(UUID id, UUID trackingId, UUID studentId, String studentName, UUID timeslotId, UUID teacherId,
                         BillingPlan billingPlan, EnrollmentStatus status, LocalDate startDate, Instant provisionalExpiresAt,
                         String failureReason, String stripeSubscriptionId, String stripeInvoiceId, Instant createdAt,
                         Instant activatedAt, Instant endedAt, String paymentProblem, Instant paymentProblemSince,
                         Instant paymentProcessingSince) {
}
