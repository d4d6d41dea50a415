package academy.cedarheights.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import academy.cedarheights.schools.LessonCalendar.Period;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lesson-day rule has two encodings — {@link LessonCalendar} in Java (booking, billing) and the SQL function
 * {@code is_lesson_day} (lessons, reminders, make-ups, the dashboard) — held equal here, day by day, over the same
 * calendars: semester edges, a gap between terms, one-day and multi-week closures, a closure over a semester's edge,
 * both DST changes and a leap day.
 */
@IntegrationTest
class LessonCalendarRuleTest {

    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    record Calendar(String name, List<Period> semesters, List<Period> closures) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Calendar> calendars() {
        return List.of(
                new Calendar("two terms, Thanksgiving, a winter break",
                        List.of(period("2026-09-01", "2026-12-18"), period("2027-01-04", "2027-06-25")),
                        List.of(period("2026-10-12", "2026-10-12"), period("2026-12-14", "2027-01-08"))),
                new Calendar("DST both ways, a closure on the spring change",
                        List.of(period("2026-10-26", "2027-03-31")),
                        List.of(period("2027-03-14", "2027-03-14"))),
                new Calendar("a leap year, closures at both edges",
                        List.of(period("2028-02-01", "2028-03-31")),
                        List.of(period("2028-01-25", "2028-02-02"), period("2028-03-31", "2028-04-10"))),
                new Calendar("no semester at all", List.of(), List.of(period("2026-11-01", "2026-11-30"))));
    }

    @ParameterizedTest
    @MethodSource("calendars")
    void theSqlRuleAndTheJavaRuleAgreeOnEveryDay(Calendar calendar) {
        TestSchool school = schools.create();
        calendar.semesters().forEach(term -> owner.jdbc().sql("""
                        insert into semesters (school_id, name, start_date, end_date) values (:s, :name, :a, :b)""")
                .param("s", school.id()).param("name", "Term " + term.start()).param("a", term.start()).param("b", term.end())
                .update());
        calendar.closures().forEach(closed -> owner.jdbc().sql("""
                        insert into closures (school_id, semester_id, start_date, end_date, reason)
                        select :s, (select id from semesters where school_id = :s order by start_date limit 1), :a, :b, 'Closed'
                         where exists (select 1 from semesters where school_id = :s)""")
                .param("s", school.id()).param("a", closed.start()).param("b", closed.end()).update());
        LessonCalendar java = new LessonCalendar(calendar.semesters(), calendar.closures().stream()
                .filter(closed -> !calendar.semesters().isEmpty()).toList());
        LocalDate from = LocalDate.parse("2026-08-01");
        LocalDate to = LocalDate.parse("2028-05-01");

        IntStream.rangeClosed(1, 7).forEach(weekday -> {
            List<LocalDate> sql = owner.jdbc().sql("""
                            select cast(d as date) from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d
                             where is_lesson_day(:s, :weekday, cast(d as date)) order by d""")
                    .param("s", school.id()).param("from", from).param("to", to).param("weekday", weekday)
                    .query(LocalDate.class).list();
            assertThat(sql).as("weekday %d", weekday).isEqualTo(java.lessonDates(weekday, from, to));
        });
    }

    private static Period period(String start, String end) {
        return new Period(LocalDate.parse(start), LocalDate.parse(end));
    }
}
