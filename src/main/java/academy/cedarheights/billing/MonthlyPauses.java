package academy.cedarheights.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.jobs.Jobs;
import academy.cedarheights.schools.Calendars;
import academy.cedarheights.schools.LessonCalendar;
import academy.cedarheights.schools.SchoolSweep;
import academy.cedarheights.schools.Schools;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For a school that pauses monthly billing for closures ({@code monthly_pauses_for_closures}): in the last week
 * before a month in which a monthly enrollment's slot has no lesson (between semesters, the summer), its subscription
 * is paused for that month — the month's invoice voided at the provider, billing resumed on the 1st after. Each
 * enrollment and month is asked once (recorded with its job, in the sweep's transaction).
 */
@Component
class MonthlyPauses {

    /** Far enough ahead of the 1st that the pause is in place when the provider bills the month. */
    private static final int DAYS_AHEAD = 7;
    private final JdbcClient jdbc;
    private final Schools schools;
    private final Calendars calendars;
    private final Jobs jobs;
    private final OneTimeTask<PauseJob> pause;
    private final SchoolSweep sweep;
    private final Clock clock;

    MonthlyPauses(JdbcClient jdbc, Schools schools, Calendars calendars, Jobs jobs,
                  @Qualifier("pauseMonthTask") OneTimeTask<PauseJob> pause, SchoolSweep sweep, Clock clock) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.calendars = calendars;
        this.jobs = jobs;
        this.pause = pause;
        this.sweep = sweep;
        this.clock = clock;
    }

    int pauseAll() {
        return sweep.each(this::pause);
    }

    private record Monthly(UUID enrollmentId, String subscriptionId, int weekday) {
    }

    int pause(UUID school) {
        if (!schools.yearRules(school).monthlyPausesForClosures()) {
            return 0;
        }
        ZoneId zone = ZoneId.of(schools.branding(school).timeZone());
        LocalDate month = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1).plusMonths(1);
        if (LocalDate.now(clock.withZone(zone)).isBefore(month.minusDays(DAYS_AHEAD))) {
            return 0;
        }
        LessonCalendar calendar = calendars.of(school);
        List<Monthly> monthly = jdbc.sql("""
                        select e.id as enrollment_id, e.stripe_subscription_id as subscription_id, t.weekday
                          from enrollments e join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                         where e.school_id = :school and e.status = 'active' and e.billing_plan = 'monthly'
                           and e.stripe_subscription_id is not null
                           and not exists (select 1 from billing_pauses p where p.school_id = e.school_id
                                              and p.enrollment_id = e.id and p.month = :month)""")
                .param("school", school).param("month", month).query(Monthly.class).list();
        int paused = 0;
        for (Monthly enrollment : monthly) {
            if (calendar.lessonDates(enrollment.weekday(), month, month.plusMonths(1).minusDays(1)).isEmpty()) {
                jdbc.sql("insert into billing_pauses (school_id, enrollment_id, month) values (:school, :enrollment, :month)")
                        .param("school", school).param("enrollment", enrollment.enrollmentId()).param("month", month)
                        .update();
                String key = "pause-" + enrollment.subscriptionId() + "-" + month;
                jobs.schedule(pause, key, new PauseJob(school, enrollment.subscriptionId(),
                        month.plusMonths(1).atStartOfDay(zone).toInstant(), key));
                paused++;
            }
        }
        return paused;
    }
}
