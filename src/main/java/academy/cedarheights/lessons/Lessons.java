package academy.cedarheights.lessons;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.schools.Catalogue;
import academy.cedarheights.schools.SchoolAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lessons and their attendance. A lesson is an active enrollment's slot weekday, on or after its start and up to
 * the last lesson paid for, inside a semester and outside closures (and, on a past day, one of an enrollment that was
 * active then and has ended since); nothing is stored per lesson but its attendance.
 */
@Service
@Transactional
public class Lessons {

    /**
     * The weekly lessons of the days from {@code :from} to {@code :to}: the lesson days are found once (the calendar
     * rule depends on the day alone), each enrollment is placed on the days of its slot's weekday, and only one that
     * ever moved asks which slot it had each day. Placing first keeps one plan good for any days, so PostgreSQL's
     * cached plan serves every week (joining every slot to every enrollment-day instead took 330 ms at 500 pupils).
     */
    private static final String LESSONS = """
            with days as (select cast(d as date) as day, cast(extract(isodow from d) as int) as weekday
                            from generate_series(cast(:from as timestamp), cast(:to as timestamp), interval '1 day') d
                           where is_lesson_day(:school, cast(extract(isodow from d) as int), cast(d as date))),
                 moved as (select distinct enrollment_id from enrollment_moves where school_id = :school),
                 placed as (select e.id as enrollment_id, days.day, e.timeslot_id
                              from enrollments e
                              join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                              join days on days.weekday = t.weekday
                             where e.school_id = :school
                               and not exists (select 1 from moved where moved.enrollment_id = e.id)
                            union all
                            select e.id, days.day, lesson_slot(e.school_id, e.id, e.timeslot_id, days.day)
                              from enrollments e join moved on moved.enrollment_id = e.id cross join days
                             where e.school_id = :school)
            select e.id as enrollment_id, p.day as date, st.name as student_name, te.id as teacher_id,
                   te.name as teacher_name, t.start_time, t.end_time, a.status as attendance, a.notes,
                   cast(null as uuid) as makeup_id, r.name as room
              from placed p
              join enrollments e on e.school_id = :school and e.id = p.enrollment_id and e.start_date <= p.day
              join timeslots t on t.school_id = :school and t.id = p.timeslot_id and t.weekday = extract(isodow from p.day)
              left join rooms r on r.school_id = t.school_id and r.id = t.room_id
              join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
              join students st on st.school_id = e.school_id and st.id = e.student_id
              left join attendance a on a.school_id = e.school_id and a.enrollment_id = e.id and a.lesson_date = p.day
             where (e.status = 'active'
                    -- a pupil who has left since still had the lesson then: a past day's sheet keeps them
                    or (e.activated_at is not null
                        and e.ended_at >= cast(p.day + 1 as timestamp)
                                          at time zone (select time_zone from schools where id = :school)))
               and lesson_paid(e.billing_plan, e.paid_through, p.day)
               and (cast(:teacher as uuid) is null or te.id = :teacher)
               and (cast(:enrollment as uuid) is null or e.id = :enrollment)
            """;

    private static final String MAKE_UPS = """
            select c.enrollment_id, c.booked_date as date, st.name as student_name, te.id as teacher_id,
                   te.name as teacher_name, t.start_time, t.end_time, c.attendance, '' as notes, c.id as makeup_id,
                   r.name as room
              from makeup_credits c
              join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
              left join rooms r on r.school_id = t.school_id and r.id = t.room_id
              join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
              join students st on st.school_id = c.school_id and st.id = c.student_id
             where c.school_id = :school and c.booked_date between :from and :to and c.status in ('booked', 'used')
               and (cast(:teacher as uuid) is null or te.id = :teacher)
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final Clock clock;
    private final Catalogue catalogue;
    private final MakeUpCredits credits;
    private final SchoolAddresses addresses;
    private final FreedLessons freedLessons;

    Lessons(JdbcClient jdbc, AuditTrail audit, Notifications notifications, Clock clock, Catalogue catalogue,
            MakeUpCredits credits, SchoolAddresses addresses, FreedLessons freedLessons) {
        this.freedLessons = freedLessons;
        this.addresses = addresses;
        this.catalogue = catalogue;
        this.credits = credits;
        this.jdbc = jdbc;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The school's (or one teacher's) lessons on a date, weekly and make-up, by start time, with their attendance. */
    @Transactional(readOnly = true)
    public List<Lesson> on(UUID school, LocalDate day, UUID teacher) {
        return between(school, day, day, teacher);
    }

    /** The school's (or one teacher's) lessons of the days from {@code from} to {@code to}, by day and start time. */
    @Transactional(readOnly = true)
    public List<Lesson> between(UUID school, LocalDate from, LocalDate to, UUID teacher) {
        return jdbc.sql(LESSONS + " union all " + MAKE_UPS + " order by date, start_time, teacher_name")
                .param("school", school).param("from", from).param("to", to)
                .param("teacher", teacher).param("enrollment", null).query(Lesson.class).list();
    }

    /** Plans the next query for its own values: one enrollment's lesson is then found by its key, not among all. */
    private void customPlan() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    /** A teacher's own lessons of a date; none if the email is no active teacher's. */
    @Transactional(readOnly = true)
    public List<Lesson> ofTeacher(UUID school, String teacherEmail, LocalDate day) {
        return catalogue.activeTeacherId(school, teacherEmail).map(teacher -> on(school, day, teacher)).orElse(List.of());
    }

    /** A teacher marks one of their own lessons; another teacher's answers 404 like an absent one. */
    public Attendance markAsTeacher(UUID school, String teacherEmail, AttendanceMark mark) {
        UUID teacher = catalogue.activeTeacherId(school, teacherEmail)
                .orElseThrow(() -> new NoSuchRecord("lesson of enrollment", mark.enrollmentId()));
        return mark(school, teacherEmail, mark, teacher);
    }

    /**
     * Marks a lesson; re-marking updates it (the audit log keeps who and when). With {@code teacher}, only
     * that teacher's lessons can be marked: another's answers 404 like an absent one.
     */
    public Attendance mark(UUID school, String actor, AttendanceMark mark, UUID teacher) {
        lessonOf(school, mark.enrollmentId(), mark.date(), teacher);
        Optional<Attendance> before = attendance(school, mark.enrollmentId(), mark.date());
        jdbc.sql("""
                        insert into attendance (school_id, enrollment_id, lesson_date, status, notes, marked_by, marked_at)
                        values (:school, :enrollment, :day, :status, :notes, :actor, now())
                        on conflict (school_id, enrollment_id, lesson_date) do update
                           set status = excluded.status, notes = excluded.notes, marked_by = excluded.marked_by,
                               marked_at = excluded.marked_at""")
                .param("school", school).param("enrollment", mark.enrollmentId()).param("day", mark.date())
                .param("status", mark.status()).param("notes", mark.notes() == null ? "" : mark.notes().trim())
                .param("actor", actor).update();
        credits.settle(school, actor, mark.enrollmentId(), mark.date());
        Attendance after = attendance(school, mark.enrollmentId(), mark.date()).orElseThrow();
        if (before.isPresent()) {
            audit.updated(school, actor, "attendance", mark.enrollmentId(), before.get(), after);
        } else {
            audit.created(school, actor, "attendance", mark.enrollmentId(), after);
        }
        if (mark.status().equals("no_show") && before.map(Attendance::status).filter("no_show"::equals).isEmpty()) {
            tellFamilyOfNoShow(school, mark.enrollmentId(), mark.date());
        }
        if (mark.status().equals("cancelled_by_school")
                && before.map(Attendance::status).filter("cancelled_by_school"::equals).isEmpty()) {
            freedLessons.freed(school, mark.enrollmentId(), mark.date());
        }
        return after;
    }

    /** A parent reports, before the lesson starts, that their child will be away. */
    public Attendance reportAbsence(UUID school, UUID payee, String actor, UUID enrollmentId, LocalDate day) {
        Boolean theirs = jdbc.sql("""
                        select exists (select 1 from enrollments e join students st on st.school_id = e.school_id and st.id = e.student_id
                                        where e.school_id = :school and e.id = :enrollment and st.payee_id = :payee)""")
                .param("school", school).param("enrollment", enrollmentId).param("payee", payee).query(Boolean.class).single();
        if (!theirs) {
            throw new NoSuchRecord("enrollment", enrollmentId);
        }
        Lesson lesson = lessonOf(school, enrollmentId, day, null);
        ZoneId zone = ZoneId.of(jdbc.sql("select time_zone from schools where id = :school").param("school", school)
                .query(String.class).single());
        if (!day.atTime(lesson.startTime()).atZone(zone).toInstant().isAfter(clock.instant())) {
            throw new InvalidField("date", "must be a lesson that has not started yet");
        }
        boolean reportedBefore = attendance(school, enrollmentId, day).map(Attendance::reportedAt).isPresent();
        jdbc.sql("""
                        insert into attendance (school_id, enrollment_id, lesson_date, status, marked_by, reported_at)
                        values (:school, :enrollment, :day, 'absent', :actor, now())
                        on conflict (school_id, enrollment_id, lesson_date) do update
                           set status = 'absent', marked_by = excluded.marked_by, marked_at = now(),
                               reported_at = coalesce(attendance.reported_at, now())""")
                .param("school", school).param("enrollment", enrollmentId).param("day", day).param("actor", actor).update();
        credits.settle(school, actor, enrollmentId, day);
        if (!reportedBefore) {
            tellTeacherOfAbsence(school, lesson);
            freedLessons.freed(school, enrollmentId, day);
        }
        return attendance(school, enrollmentId, day).orElseThrow();
    }

    /** The teacher hears of a reported absence once, however often the family reports it. */
    private void tellTeacherOfAbsence(UUID school, Lesson lesson) {
        String teacher = jdbc.sql("select email::text from teachers where school_id = :school and id = :id")
                .param("school", school).param("id", lesson.teacherId()).query(String.class).single();
        notifications.email(school, teacher, new Email.AbsenceReported(lesson.teacherName(), lesson.studentName(),
                lesson.date(), lesson.startTime(), addresses.link(school, "/teacher")));
    }

    /** A student's marked lessons, oldest first. */
    @Transactional(readOnly = true)
    public List<Attendance> ofStudent(UUID school, UUID student) {
        return jdbc.sql("""
                        select a.enrollment_id, a.lesson_date as date, a.status, a.notes, a.marked_by, a.marked_at,
                               a.reported_at, c.id as makeup_credit_id
                          from attendance a join enrollments e on e.school_id = a.school_id and e.id = a.enrollment_id
                          left join makeup_credits c on c.school_id = a.school_id and c.enrollment_id = a.enrollment_id
                                and c.source_lesson_date = a.lesson_date and c.status <> 'revoked'
                         where a.school_id = :school and e.student_id = :student order by a.lesson_date""")
                .param("school", school).param("student", student).query(Attendance.class).list();
    }

    private Lesson lessonOf(UUID school, UUID enrollment, LocalDate day, UUID teacher) {
        Boolean exists = jdbc.sql("""
                        select exists (select 1 from enrollments e
                                         join timeslots t on t.school_id = e.school_id
                                              and t.id = lesson_slot(e.school_id, e.id, e.timeslot_id, :day)
                                        where e.school_id = :school and e.id = :enrollment
                                          and (cast(:teacher as uuid) is null or t.teacher_id = :teacher))""")
                .param("school", school).param("enrollment", enrollment).param("teacher", teacher).param("day", day)
                .query(Boolean.class).single();
        if (!exists) {
            throw new NoSuchRecord("lesson of enrollment", enrollment);
        }
        return query(school, day, teacher, enrollment).query(Lesson.class).optional()
                .orElseThrow(() -> new InvalidField("date", "is not a lesson of this enrollment"));
    }

    private Optional<Attendance> attendance(UUID school, UUID enrollment, LocalDate day) {
        return jdbc.sql("""
                        select a.enrollment_id, a.lesson_date as date, a.status, a.notes, a.marked_by, a.marked_at,
                               a.reported_at, c.id as makeup_credit_id
                          from attendance a
                          left join makeup_credits c on c.school_id = a.school_id and c.enrollment_id = a.enrollment_id
                                and c.source_lesson_date = a.lesson_date and c.status <> 'revoked'
                         where a.school_id = :school and a.enrollment_id = :enrollment and a.lesson_date = :day""")
                .param("school", school).param("enrollment", enrollment).param("day", day).query(Attendance.class).optional();
    }

    private JdbcClient.StatementSpec query(UUID school, LocalDate day, UUID teacher, UUID enrollment) {
        customPlan();
        return jdbc.sql(LESSONS + " order by t.start_time, te.name")
                .param("school", school).param("from", day).param("to", day)
                .param("teacher", teacher).param("enrollment", enrollment);
    }

    private void tellFamilyOfNoShow(UUID school, UUID enrollment, LocalDate day) {
        FamilyOfLesson family = jdbc.sql("""
                        select p.name as parent_name, p.email::text as email, st.name as student, te.name as teacher,
                               t.start_time
                          from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                          join timeslots t on t.school_id = e.school_id
                               and t.id = lesson_slot(e.school_id, e.id, e.timeslot_id, :day)
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                         where e.school_id = :school and e.id = :enrollment""")
                .param("school", school).param("enrollment", enrollment).param("day", day)
                .query(FamilyOfLesson.class).single();
        notifications.email(school, family.email(), family.noShow(day));
    }
}
