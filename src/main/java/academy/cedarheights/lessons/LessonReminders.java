package academy.cedarheights.lessons;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.notifications.TextLog;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.schools.SchoolSweep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds families of each lesson about a day ahead: by email unless they switched reminders off, and by
 * text when texts are configured and they have a phone and have not opted out; with {@code sms-ahead} set, once more
 * by text shortly before it. The insert into {@code lesson_reminders} is the claim, so each lesson is reminded once
 * of each kind, whatever the number of instances and restarts. Lessons are the active enrollments' weekday dates inside a semester, outside
 * closures, at the slot's wall-clock time in the school's zone (DST never moves a lesson).
 */
@Component
class LessonReminders {

    private final JdbcClient jdbc;
    private final SchoolSweep sweep;
    private final Notifications notifications;
    private final ReminderProperties properties;
    private final Clock clock;

    LessonReminders(JdbcClient jdbc, SchoolSweep sweep, Notifications notifications, ReminderProperties properties,
                    Clock clock) {
        this.jdbc = jdbc;
        this.sweep = sweep;
        this.notifications = notifications;
        this.properties = properties;
        this.clock = clock;
    }

    record DueLesson(UUID enrollmentId, LocalDate lessonDate, LocalTime startTime, String student, String teacher,
                     String room, String parentName, String email, String phone, boolean reminderEmails,
                     boolean smsOptOut) {
    }

    /** Sends every reminder now due, school by school; returns how many lessons were reminded. */
    int remindAll() {
        return sweep.each(this::remind);
    }

    /** The two reminders of a lesson: the one a day ahead, and the text shortly before it. */
    enum Kind {
        DAY_AHEAD, TEXT_SOON;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    int remind(UUID school) {
        int reminded = remind(school, Kind.DAY_AHEAD, properties.ahead());
        if (properties.smsAhead() != null && notifications.textsEnabled()) {
            reminded += remind(school, Kind.TEXT_SOON, properties.smsAhead());
        }
        return reminded;
    }

    private int remind(UUID school, Kind kind, Duration ahead) {
        int reminded = 0;
        for (DueLesson lesson : due(school, kind, ahead)) {
            if (claim(school, lesson, kind)) {
                send(school, lesson, kind);
                reminded++;
            }
        }
        return reminded;
    }

    private List<DueLesson> due(UUID school, Kind kind, Duration ahead) {
        return jdbc.sql("""
                        with zone as (select time_zone from schools where id = :school),
                             days as (select (cast(:now as timestamptz) at time zone z.time_zone)::date + d as day
                                        from zone z, generate_series(0, 2) d)
                        select e.id as enrollment_id, d.day as lesson_date, t.start_time, st.name as student,
                               te.name as teacher, r.name as room, p.name as parent_name, p.email, p.phone,
                               p.reminder_emails, p.sms_opt_out
                          from enrollments e
                         cross join days d
                          join timeslots t on t.school_id = e.school_id
                               and t.id = lesson_slot(e.school_id, e.id, e.timeslot_id, d.day)
                               and t.weekday = extract(isodow from d.day)
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                          left join rooms r on r.school_id = t.school_id and r.id = t.room_id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                         where e.school_id = :school and e.status = 'active' and d.day >= e.start_date
                           and (d.day + t.start_time) at time zone (select time_zone from zone)
                               between cast(:now as timestamptz) and cast(:now as timestamptz) + make_interval(secs => :ahead)
                           and is_lesson_day(e.school_id, t.weekday, d.day)
                           and lesson_paid(e.billing_plan, e.paid_through, d.day)
                           and not exists (select 1 from attendance a where a.school_id = e.school_id
                                              and a.enrollment_id = e.id and a.lesson_date = d.day
                                              and a.status in ('absent', 'cancelled_by_school'))
                           and not exists (select 1 from lesson_reminders lr where lr.school_id = e.school_id
                                              and lr.enrollment_id = e.id and lr.lesson_date = d.day
                                              and lr.kind = :kind)
                           and (:kind = 'day_ahead' or (p.phone is not null and not p.sms_opt_out))""")
                .param("school", school).param("now", OffsetDateTime.now(clock))
                .param("ahead", (double) ahead.toSeconds()).param("kind", kind.key())
                .query(DueLesson.class).list();
    }

    /** Only the transaction whose insert wins sends; a concurrent one finds the row and sends nothing. */
    private boolean claim(UUID school, DueLesson lesson, Kind kind) {
        return jdbc.sql("""
                        insert into lesson_reminders (school_id, enrollment_id, lesson_date, kind)
                        values (:school, :enrollment, :day, :kind)
                        on conflict do nothing""")
                .param("school", school).param("enrollment", lesson.enrollmentId()).param("day", lesson.lessonDate())
                .param("kind", kind.key()).update() == 1;
    }

    private void send(UUID school, DueLesson lesson, Kind kind) {
        if (kind == Kind.TEXT_SOON) {
            notifications.text(school, phone(lesson), "Soon: " + lesson.student() + "'s lesson with " + lesson.teacher()
                    + " starts at " + lesson.startTime() + " on " + lesson.lessonDate() + ". Reply STOP to opt out.");
            return;
        }
        if (lesson.reminderEmails()) {
            notifications.email(school, lesson.email(), new Email.LessonReminder(lesson.parentName(), lesson.student(),
                    lesson.teacher(), lesson.lessonDate(), lesson.startTime(), lesson.room()));
        }
        if (lesson.phone() != null && !lesson.smsOptOut()) {
            notifications.text(school, phone(lesson), "Reminder: " + lesson.student() + " has a lesson with "
                    + lesson.teacher() + " on " + lesson.lessonDate() + " at " + lesson.startTime() + ". Reply STOP to opt out.");
        }
    }

    private static String phone(DueLesson lesson) {
        return TextLog.number(lesson.phone());
    }
}
