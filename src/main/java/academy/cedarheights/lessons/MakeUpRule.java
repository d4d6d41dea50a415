package academy.cedarheights.lessons;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import academy.cedarheights.schools.BillingPlan;

/**
 * Whether a lesson's attendance earns a make-up credit (spec §4): a lesson the school cancelled, or an absence
 * reported at least 24 hours before the lesson starts, for a semester or yearly plan. Never for a no-show or a
 * monthly plan. The 24 hours are elapsed time up to the lesson's start at its wall-clock time in the school's
 * zone, so across a DST change "the same time yesterday" is 23 or 25 hours before and does not decide.
 */
final class MakeUpRule {

    static final Duration NOTICE = Duration.ofHours(24);

    private MakeUpRule() {
    }

    static boolean earnsCredit(BillingPlan plan, String status, Instant reportedAt, LocalDate day, LocalTime start, ZoneId zone) {
        if (plan == BillingPlan.MONTHLY) {
            return false;
        }
        return switch (status) {
            case "cancelled_by_school" -> true;
            case "absent" -> reportedAt != null && !reportedAt.isAfter(startOf(day, start, zone).minus(NOTICE));
            default -> false;
        };
    }

    static Instant startOf(LocalDate day, LocalTime start, ZoneId zone) {
        return day.atTime(start).atZone(zone).toInstant();
    }
}
