package academy.cedarheights.lessons;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.schools.BillingPlan;
import academy.cedarheights.schools.SchoolAddresses;
import academy.cedarheights.schools.SchoolSweep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Make-up credits follow a lesson's attendance: a mark that earns one (see {@link MakeUpRule}) grants it, up to the
 * school's allowance per student and semester; a re-mark that no longer earns it revokes it while it is unused.
 * Grants for one student are serialised on the student's row, so concurrent marks never exceed the allowance.
 */
@Service
@Transactional
public class MakeUpCredits {

    static final String COLUMNS = """
            c.id, c.student_id, st.name as student_name, c.enrollment_id, c.semester_id, c.source_lesson_date, c.status,
            c.expires_on, c.booked_timeslot_id as timeslot_id, c.booked_date, c.attendance, c.created_at""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final SchoolAddresses addresses;
    private final SchoolSweep sweep;

    MakeUpCredits(JdbcClient jdbc, AuditTrail audit, Notifications notifications, SchoolAddresses addresses, SchoolSweep sweep) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.notifications = notifications;
        this.addresses = addresses;
        this.sweep = sweep;
    }

    /** A marked lesson as the credit rules see it. */
    record MarkedLesson(UUID studentId, BillingPlan plan, String status, Instant reportedAt, LocalDate day, LocalTime startTime,
                        String timeZone, int allowance, UUID semesterId, LocalDate semesterEnd, String student,
                        String parentName, String email) {

        boolean earnsCredit() {
            return MakeUpRule.earnsCredit(plan, status, reportedAt, day, startTime, ZoneId.of(timeZone));
        }
    }

    /**
     * Brings the lesson's credit in line with its attendance, whoever marked it.
     *
     * @return whether a credit was granted just now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean settle(UUID school, String actor, UUID enrollment, LocalDate day) {
        MarkedLesson lesson = jdbc.sql("""
                        select e.student_id, e.billing_plan as plan, a.status, a.reported_at, a.lesson_date as day,
                               t.start_time, s.time_zone, s.makeup_allowance_per_semester as allowance,
                               m.id as semester_id, m.end_date as semester_end, st.name as student,
                               p.name as parent_name, p.email::text as email
                          from attendance a
                          join enrollments e on e.school_id = a.school_id and e.id = a.enrollment_id
                          join timeslots t on t.school_id = e.school_id
                               and t.id = lesson_slot(e.school_id, e.id, e.timeslot_id, a.lesson_date)
                          join schools s on s.id = a.school_id
                          join semesters m on m.school_id = a.school_id and a.lesson_date between m.start_date and m.end_date
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                         where a.school_id = :school and a.enrollment_id = :enrollment and a.lesson_date = :day""")
                .param("school", school).param("enrollment", enrollment).param("day", day)
                .query(MarkedLesson.class).single();
        if (lesson.earnsCredit()) {
            return grant(school, actor, enrollment, lesson);
        }
        revoke(school, actor, enrollment, day);
        return false;
    }

    private boolean grant(UUID school, String actor, UUID enrollment, MarkedLesson lesson) {
        jdbc.sql("select id from students where school_id = :school and id = :student for update")
                .param("school", school).param("student", lesson.studentId()).query(UUID.class).single();
        if (current(school, enrollment, lesson.day()).isPresent()) {
            return false;
        }
        long granted = jdbc.sql("""
                        select count(*) from makeup_credits
                         where school_id = :school and student_id = :student and semester_id = :semester and status <> 'revoked'""")
                .param("school", school).param("student", lesson.studentId()).param("semester", lesson.semesterId())
                .query(Long.class).single();
        if (granted >= lesson.allowance()) {
            audit.record(school, actor, "makeup_credit.refused", "enrollment", enrollment.toString(),
                    Map.of("lesson_date", lesson.day().toString(), "reason", "the semester's allowance of "
                            + lesson.allowance() + " make-up credit(s) is used up"));
            return false;
        }
        // a credit revoked by an earlier re-mark comes back rather than being granted twice for one lesson
        UUID credit = jdbc.sql("""
                        insert into makeup_credits (school_id, student_id, enrollment_id, semester_id, source_lesson_date,
                                                    status, expires_on)
                        values (:school, :student, :enrollment, :semester, :day, 'available', :expires)
                        on conflict (school_id, enrollment_id, source_lesson_date) do update
                           set status = 'available', updated_at = now()
                        returning id""")
                .param("school", school).param("student", lesson.studentId()).param("enrollment", enrollment)
                .param("semester", lesson.semesterId()).param("day", lesson.day()).param("expires", lesson.semesterEnd())
                .query(UUID.class).single();
        audit.record(school, actor, "makeup_credit.granted", "makeup_credit", credit.toString(),
                Map.of("enrollment_id", enrollment.toString(), "lesson_date", lesson.day().toString()));
        notifications.email(school, lesson.email(), new Email.MakeUpInvite(lesson.parentName(), lesson.student(),
                lesson.day(), lesson.semesterEnd(), addresses.link(school, "/parent/makeups")));
        return true;
    }

    /** Only an unused credit goes: a booked make-up stays, as the family has already arranged that lesson. */
    private void revoke(UUID school, String actor, UUID enrollment, LocalDate day) {
        jdbc.sql("""
                        update makeup_credits set status = 'revoked', updated_at = now()
                         where school_id = :school and enrollment_id = :enrollment and source_lesson_date = :day
                           and status = 'available'
                        returning id""")
                .param("school", school).param("enrollment", enrollment).param("day", day).query(UUID.class).optional()
                .ifPresent(credit -> audit.record(school, actor, "makeup_credit.revoked", "makeup_credit",
                        credit.toString(), Map.of("enrollment_id", enrollment.toString(), "lesson_date", day.toString())));
    }

    private Optional<String> current(UUID school, UUID enrollment, LocalDate day) {
        return jdbc.sql("""
                        select status from makeup_credits
                         where school_id = :school and enrollment_id = :enrollment and source_lesson_date = :day
                           and status <> 'revoked'""")
                .param("school", school).param("enrollment", enrollment).param("day", day).query(String.class).optional();
    }

    /** One credit as it stands now. */
    @Transactional(readOnly = true)
    public MakeUpCredit get(UUID school, UUID credit) {
        return jdbc.sql("select " + COLUMNS + """
                          from makeup_credits c join students st on st.school_id = c.school_id and st.id = c.student_id
                         where c.school_id = :school and c.id = :credit""")
                .param("school", school).param("credit", credit).query(MakeUpCredit.class).single();
    }

    /** A family's credits (revoked ones left out), newest first. */
    @Transactional(readOnly = true)
    public List<MakeUpCredit> ofFamily(UUID school, UUID payee) {
        return jdbc.sql("select " + COLUMNS + """
                          from makeup_credits c join students st on st.school_id = c.school_id and st.id = c.student_id
                         where c.school_id = :school and st.payee_id = :payee and c.status <> 'revoked'
                         order by c.source_lesson_date desc""")
                .param("school", school).param("payee", payee).query(MakeUpCredit.class).list();
    }

    /** The school's credits, optionally of one student, newest first. */
    @Transactional(readOnly = true)
    public List<MakeUpCredit> ofSchool(UUID school, UUID student, String status) {
        return jdbc.sql("select " + COLUMNS + """
                          from makeup_credits c join students st on st.school_id = c.school_id and st.id = c.student_id
                         where c.school_id = :school and (cast(:student as uuid) is null or c.student_id = :student)
                           and (cast(:status as text) is null or c.status = :status)
                         order by c.source_lesson_date desc, st.name limit 500""")
                .param("school", school).param("student", student).param("status", status)
                .query(MakeUpCredit.class).list();
    }

    /** Every school: unused credits past their semester expire, booked make-ups whose day has passed are used. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    int expireAll() {
        return sweep.each(this::expire);
    }

    int expire(UUID school) {
        return jdbc.sql("""
                        update makeup_credits c
                           set status = case c.status when 'available' then 'expired' else 'used' end, updated_at = now()
                          from schools s
                         where s.id = c.school_id and c.school_id = :school
                           and ((c.status = 'available' and c.expires_on < (now() at time zone s.time_zone)::date)
                             or (c.status = 'booked' and c.booked_date < (now() at time zone s.time_zone)::date))""")
                .param("school", school).update();
    }
}
