package academy.cedarheights.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import academy.cedarheights.schools.BillingPlan;
import org.junit.jupiter.api.Test;

/** The credit rule, and its 24 hours measured as elapsed time across DST changes in the school's zone. */
class MakeUpRuleTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    static final LocalTime TEN = LocalTime.of(10, 0);
    // 2030-03-10: clocks spring forward at 02:00; the Saturday before is on PST (UTC-8), the Sunday on PDT (UTC-7)
    static final LocalDate SPRING_FORWARD = LocalDate.of(2030, 3, 10);
    // 2030-11-03: clocks fall back at 02:00; the Saturday before is on PDT (UTC-7), the Sunday on PST (UTC-8)
    static final LocalDate FALL_BACK = LocalDate.of(2030, 11, 3);

    @Test
    void theSchoolCancellingEarnsACreditOnSemesterAndYearlyPlansOnly() {
        assertThat(earns(BillingPlan.SEMESTER, "cancelled_by_school", null)).isTrue();
        assertThat(earns(BillingPlan.YEARLY, "cancelled_by_school", null)).isTrue();
        assertThat(earns(BillingPlan.MONTHLY, "cancelled_by_school", null)).isFalse();
    }

    @Test
    void aNoShowOrAPresenceNeverEarnsOne() {
        Instant longBefore = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(earns(BillingPlan.SEMESTER, "no_show", longBefore)).isFalse();
        assertThat(earns(BillingPlan.SEMESTER, "present", longBefore)).isFalse();
        assertThat(earns(BillingPlan.MONTHLY, "absent", longBefore)).isFalse();
    }

    @Test
    void anAbsenceEarnsOneOnlyWhenReportedAtLeast24HoursAhead() {
        LocalDate monday = LocalDate.of(2030, 5, 6); // PDT, no change nearby: lesson at 17:00Z
        assertThat(MakeUpRule.earnsCredit(BillingPlan.SEMESTER, "absent", Instant.parse("2030-05-05T17:00:00Z"), monday, TEN, VANCOUVER))
                .as("exactly 24 hours").isTrue();
        assertThat(MakeUpRule.earnsCredit(BillingPlan.SEMESTER, "absent", Instant.parse("2030-05-05T17:00:01Z"), monday, TEN, VANCOUVER))
                .as("a second less").isFalse();
        assertThat(MakeUpRule.earnsCredit(BillingPlan.SEMESTER, "absent", null, monday, TEN, VANCOUVER))
                .as("marked absent by the school, never reported").isFalse();
    }

    @Test
    void whenClocksSpringForwardTheSameTimeTheDayBeforeIsOnly23HoursAhead() {
        // the lesson: Sunday 10:00 PDT = 17:00Z; Saturday 10:00 PST = 18:00Z is 23 hours before it
        assertThat(MakeUpRule.startOf(SPRING_FORWARD, TEN, VANCOUVER)).isEqualTo(Instant.parse("2030-03-10T17:00:00Z"));
        assertThat(reportedOnSaturdayAt(SPRING_FORWARD, "2030-03-09T18:00:00Z")).as("Saturday 10:00 PST").isFalse();
        assertThat(reportedOnSaturdayAt(SPRING_FORWARD, "2030-03-09T17:00:00Z")).as("Saturday 09:00 PST").isTrue();
    }

    @Test
    void whenClocksFallBackTheDayBeforeHas25Hours() {
        // the lesson: Sunday 10:00 PST = 18:00Z; Saturday 10:30 PDT = 17:30Z is 24.5 hours before it
        assertThat(MakeUpRule.startOf(FALL_BACK, TEN, VANCOUVER)).isEqualTo(Instant.parse("2030-11-03T18:00:00Z"));
        assertThat(reportedOnSaturdayAt(FALL_BACK, "2030-11-02T17:30:00Z")).as("Saturday 10:30 PDT").isTrue();
        assertThat(reportedOnSaturdayAt(FALL_BACK, "2030-11-02T18:00:00Z")).as("Saturday 11:00 PDT").isTrue();
        assertThat(reportedOnSaturdayAt(FALL_BACK, "2030-11-02T18:00:01Z")).as("just after 11:00 PDT").isFalse();
    }

    private static boolean reportedOnSaturdayAt(LocalDate sunday, String instant) {
        return MakeUpRule.earnsCredit(BillingPlan.YEARLY, "absent", Instant.parse(instant), sunday, TEN, VANCOUVER);
    }

    private static boolean earns(BillingPlan plan, String status, Instant reportedAt) {
        return MakeUpRule.earnsCredit(plan, status, reportedAt, LocalDate.of(2030, 5, 6), TEN, VANCOUVER);
    }
}
