package academy.cedarheights.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import academy.cedarheights.schools.BillingPlan;
import com.fasterxml.jackson.annotation.JsonInclude;

/** An enrollment as admins list it: its term paid through a day, and its latest renewal if any. */
public record Enrollment(UUID id, UUID trackingId, UUID studentId, String studentName, UUID timeslotId, UUID teacherId,
                         BillingPlan billingPlan, EnrollmentStatus status, LocalDate startDate, Instant provisionalExpiresAt,
                         String failureReason, String stripeSubscriptionId, String stripeInvoiceId, Instant createdAt,
                         Instant activatedAt, Instant endedAt, String paymentProblem, Instant paymentProblemSince,
                         Instant paymentProcessingSince, LocalDate paidThrough,
                         @JsonInclude(JsonInclude.Include.ALWAYS) Renewal renewal) {

    Enrollment withRenewal(Renewal latest) {
        return new Enrollment(id, trackingId, studentId, studentName, timeslotId, teacherId, billingPlan, status,
                startDate, provisionalExpiresAt, failureReason, stripeSubscriptionId, stripeInvoiceId, createdAt,
                activatedAt, endedAt, paymentProblem, paymentProblemSince, paymentProcessingSince, paidThrough, latest);
    }
}
