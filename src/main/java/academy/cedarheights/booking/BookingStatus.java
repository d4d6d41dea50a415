package academy.cedarheights.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import academy.cedarheights.schools.BillingPlan;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a booking stands.
 *
 * @param paymentProblem          an active booking whose payment failed, kept for the school's grace period; null
 *                                otherwise
 * @param paymentProcessingSince  since when its payment (a bank debit) has been processing; null when none is
 * @param paidThrough             the last lesson paid for (a monthly plan: the end of its current period); null
 *                                until billing is in place
 * @param renewal                 the term's latest renewal; null when none was announced
 */
public record BookingStatus(UUID trackingId, UUID enrollmentId, UUID studentId, UUID timeslotId,
                            EnrollmentStatus status, BillingPlan billingPlan, LocalDate startDate, String failureReason,
                            Instant provisionalExpiresAt, PaymentProblem paymentProblem, Instant paymentProcessingSince,
                            @JsonInclude(JsonInclude.Include.ALWAYS) NextAction nextAction,
                            @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate paidThrough,
                            @JsonInclude(JsonInclude.Include.ALWAYS) Renewal renewal) {
}
