package academy.cedarheights.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import academy.cedarheights.schools.BillingPlan;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a booking stands.
 *
 * @param paymentProblem an active booking whose payment failed, kept for the school's grace period; null otherwise
 */
public record BookingStatus(UUID trackingId, UUID enrollmentId, UUID studentId, UUID timeslotId,
                            EnrollmentStatus status, BillingPlan billingPlan, LocalDate startDate, String failureReason,
                            Instant provisionalExpiresAt, PaymentProblem paymentProblem,
                            @JsonInclude(JsonInclude.Include.ALWAYS) NextAction nextAction) {
}
