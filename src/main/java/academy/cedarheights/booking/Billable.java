package academy.cedarheights.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import academy.cedarheights.schools.BillingPlan;

/**
 * Everything billing needs to know about a provisional enrollment, read in one query.
 *
 * @param paidThrough the last lesson of the term a semester or yearly booking covers; null for a monthly one
 */
public record Billable(UUID enrollmentId, UUID studentId, String student, UUID payeeId, String parentName,
                       String parentEmail, BillingPlan billingPlan,
                       LocalDate startDate, int weekday, LocalTime startTime, String teacher, Instant provisionalExpiresAt,
                       Instant provisionalNoticeSentAt, LocalDate paidThrough) {
}
