package academy.cedarheights.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import academy.cedarheights.schools.LessonCalendar.Period;
import org.junit.jupiter.api.Test;

class LessonCalendarTest {

    static final Period FALL = new Period(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-12-18"));
    static final Period WINTER = new Period(LocalDate.parse("2027-01-04"), LocalDate.parse("2027-06-25"));
    static final Period THANKSGIVING = new Period(LocalDate.parse("2026-10-12"), LocalDate.parse("2026-10-12"));

    final LessonCalendar calendar = new LessonCalendar(List.of(FALL, WINTER), List.of(THANKSGIVING));

    @Test
    void mondaysOfTheFallMinusThanksgiving() {
        List<LocalDate> mondays = calendar.lessonDates(1, FALL.start(), FALL.end());

        assertThat(mondays).hasSize(14).first().isEqualTo(LocalDate.parse("2026-09-07"));
        assertThat(mondays).doesNotContain(LocalDate.parse("2026-10-12")).last().isEqualTo(LocalDate.parse("2026-12-14"));
    }

    @Test
    void aClosureRangeTakesEveryLessonInIt() {
        LessonCalendar withBreak = new LessonCalendar(List.of(FALL),
                List.of(new Period(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-15"))));

        assertThat(withBreak.lessonDates(3, LocalDate.parse("2026-10-28"), LocalDate.parse("2026-11-18")))
                .containsExactly(LocalDate.parse("2026-10-28"), LocalDate.parse("2026-11-18"));
    }

    @Test
    void noLessonsBetweenSemesters() {
        assertThat(calendar.lessonDates(2, LocalDate.parse("2026-12-19"), LocalDate.parse("2027-01-04"))).isEmpty();
        assertThat(calendar.firstLesson(2, LocalDate.parse("2026-12-19"))).contains(LocalDate.parse("2027-01-05"));
    }

    @Test
    void aStartAfterTheLastSemesterHasNoLessons() {
        assertThat(calendar.firstLesson(1, LocalDate.parse("2027-07-01"))).isEmpty();
        assertThat(calendar.lessonDates(1, LocalDate.parse("2027-07-01"), LocalDate.parse("2027-12-31"))).isEmpty();
    }

    @Test
    void leapDayIsAnOrdinaryLessonDay() {
        LessonCalendar leap = new LessonCalendar(List.of(new Period(LocalDate.parse("2028-02-01"), LocalDate.parse("2028-03-31"))),
                List.of());

        assertThat(leap.lessonDates(2, LocalDate.parse("2028-02-20"), LocalDate.parse("2028-03-07")))
                .containsExactly(LocalDate.parse("2028-02-22"), LocalDate.parse("2028-02-29"), LocalDate.parse("2028-03-07"));
    }

    @Test
    void dstNeverMovesALessonsWallClockTime() {
        // Vancouver leaves daylight time on Sunday 2026-11-01: the Mondays around it stay at 4:30 p.m.
        List<LocalDate> mondays = calendar.lessonDates(1, LocalDate.parse("2026-10-26"), LocalDate.parse("2026-11-02"));
        ZoneId vancouver = ZoneId.of("America/Vancouver");
        var before = LocalDateTime.of(mondays.get(0), LocalTime.of(16, 30)).atZone(vancouver);
        var after = LocalDateTime.of(mondays.get(1), LocalTime.of(16, 30)).atZone(vancouver);

        assertThat(mondays).containsExactly(LocalDate.parse("2026-10-26"), LocalDate.parse("2026-11-02"));
        assertThat(before.toLocalTime()).isEqualTo(after.toLocalTime());
        assertThat(java.time.Duration.between(before.toInstant(), after.toInstant())).hasHours(7 * 24 + 1);
    }
}
