package academy.cedarheights.lessons;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /**
     * One slot an enrollment has had (all of them, when it moved).
     *
     * @param startDate its first lesson day in this slot
     * @param lastPaid  the last lesson paid for (a term's) or given in this slot before a move; null while open
     */
    private record Held(UUID enrollmentId, int weekday, LocalTime startTime, LocalDate startDate, LocalDate lastPaid) {
    }

    public List<Upcoming> of(UUID school, UUID student, LocalDate from, LocalDate to) {
        List<Held> held = jdbc.sql("""
                        select e.id as enrollment_id, t.weekday, t.start_time,
                               greatest(e.start_date, p.valid_from) as start_date,
                               least(case when e.billing_plan <> 'monthly' then e.paid_through end,
                                     p.valid_until - 1) as last_paid
                          from enrollments e
                          join enrollment_slot_periods p on p.school_id = e.school_id and p.enrollment_id = e.id
                          join timeslots t on t.school_id = p.school_id and t.id = p.timeslot_id
                         where e.school_id = :school and e.student_id = :student and e.status = 'active'""")
                .param("school", school).param("student", student).query(Held.class).list();
        Map<String, String> marked = marked(school, student, from, to);
        LessonCalendar calendar = calendars.of(school);
        List<Upcoming> upcoming = new ArrayList<>();
        for (Held enrollment : held) {
            LocalDate first = enrollment.startDate().isAfter(from) ? enrollment.startDate() : from;
            LocalDate last = enrollment.lastPaid() != null && enrollment.lastPaid().isBefore(to) ? enrollment.lastPaid() : to;
            for (LocalDate day : calendar.lessonDates(enrollment.weekday(), first, last)) {
                upcoming.add(new Upcoming(enrollment.enrollmentId(), day, enrollment.startTime(),
                        marked.get(key(enrollment.enrollmentId(), day))));
            }
        }
        upcoming.sort(Comparator.comparing(Upcoming::date).thenComparing(Upcoming::startTime));
        return upcoming;
    }

    private record Mark(UUID enrollmentId, LocalDate lessonDate, String status) {
    }

    /** The student's marks in the period, keyed by enrollment and date: one query, however many lessons. */
    private Map<String, String> marked(UUID school, UUID student, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select a.enrollment_id, a.lesson_date, a.status
                          from attendance a join enrollments e on e.school_id = a.school_id and e.id = a.enrollment_id
                         where a.school_id = :school and e.student_id = :student and a.lesson_date between :from and :to""")
                .param("school", school).param("student", student).param("from", from).param("to", to)
                .query(Mark.class).list().stream()
                .collect(Collectors.toMap(mark -> key(mark.enrollmentId(), mark.lessonDate()), Mark::status));
    }

    private static String key(UUID enrollment, LocalDate day) {
        return enrollment + "/" + day;
    }
}
