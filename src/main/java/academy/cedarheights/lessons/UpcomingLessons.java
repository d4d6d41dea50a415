package academy.cedarheights.lessons;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.schools.Calendars;
import academy.cedarheights.schools.LessonCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A student's coming weekly lessons, from the same calendar rules as billing and attendance. */
@Service
@Transactional(readOnly = true)
public class UpcomingLessons {

    private final JdbcClient jdbc;
    private final Calendars calendars;

    UpcomingLessons(JdbcClient jdbc, Calendars calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    /** One coming lesson, with its attendance when already reported. */
    public record Upcoming(UUID enrollmentId, LocalDate date, LocalTime startTime, String attendance) {
    }

    private record Held(UUID enrollmentId, int weekday, LocalTime startTime, LocalDate startDate) {
    }

    public List<Upcoming> of(UUID school, UUID student, LocalDate from, LocalDate to) {
        List<Held> held = jdbc.sql("""
                        select e.id as enrollment_id, t.weekday, t.start_time, e.start_date
                          from enrollments e join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                         where e.school_id = :school and e.student_id = :student and e.status = 'active'""")
                .param("school", school).param("student", student).query(Held.class).list();
        LessonCalendar calendar = calendars.of(school);
        List<Upcoming> upcoming = new ArrayList<>();
        for (Held enrollment : held) {
            LocalDate first = enrollment.startDate().isAfter(from) ? enrollment.startDate() : from;
            for (LocalDate day : calendar.lessonDates(enrollment.weekday(), first, to)) {
                upcoming.add(new Upcoming(enrollment.enrollmentId(), day, enrollment.startTime(),
                        attendance(school, enrollment.enrollmentId(), day)));
            }
        }
        upcoming.sort(Comparator.comparing(Upcoming::date).thenComparing(Upcoming::startTime));
        return upcoming;
    }

    private String attendance(UUID school, UUID enrollment, LocalDate day) {
        return jdbc.sql("select status from attendance where school_id = :school and enrollment_id = :e and lesson_date = :d")
                .param("school", school).param("e", enrollment).param("d", day).query(String.class).optional().orElse(null);
    }
}
