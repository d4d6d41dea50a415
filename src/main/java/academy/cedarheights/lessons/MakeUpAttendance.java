package academy.cedarheights.lessons;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.schools.Catalogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marking a booked make-up lesson: present or a no-show, by an admin or by the lesson's own teacher (another
 * teacher's answers 404). Either way the credit is used; a no-show tells the family, once.
 */
@Service
@Transactional
public class MakeUpAttendance {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final Catalogue catalogue;
    private final MakeUpCredits credits;

    MakeUpAttendance(JdbcClient jdbc, AuditTrail audit, Notifications notifications, Catalogue catalogue,
                     MakeUpCredits credits) {
        this.credits = credits;
        this.jdbc = jdbc;
        this.audit = audit;
        this.notifications = notifications;
        this.catalogue = catalogue;
    }

    private record Booked(UUID id, String attendance, String parentName, String email, String student, String teacher,
                          LocalDate lessonDate, LocalTime startTime) {
        FamilyOfLesson family() {
            return new FamilyOfLesson(parentName, email, student, teacher, startTime);
        }
    }

    public MakeUpCredit markAsTeacher(UUID school, String teacherEmail, UUID credit, String status) {
        UUID teacher = catalogue.activeTeacherId(school, teacherEmail).orElseThrow(() -> new NoSuchRecord("make-up lesson", credit));
        return mark(school, teacherEmail, credit, status, teacher);
    }

    /** With {@code teacher}, only that teacher's make-up lessons can be marked. */
    public MakeUpCredit mark(UUID school, String actor, UUID credit, String status, UUID teacher) {
        if (status == null || !status.matches("present|no_show")) {
            throw new InvalidField("status", "must be present or no_show");
        }
        Booked lesson = jdbc.sql("""
                        select c.id, c.attendance, p.name as parent_name, p.email::text as email, st.name as student,
                               te.name as teacher, c.booked_date as lesson_date, t.start_time
                          from makeup_credits c
                          join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                          join students st on st.school_id = c.school_id and st.id = c.student_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                         where c.school_id = :school and c.id = :credit and c.status in ('booked', 'used')
                           and (cast(:teacher as uuid) is null or t.teacher_id = :teacher)
                           for update of c""")
                .param("school", school).param("credit", credit).param("teacher", teacher).query(Booked.class).optional()
                .orElseThrow(() -> new NoSuchRecord("make-up lesson", credit));
        jdbc.sql("""
                        update makeup_credits set attendance = :status, status = 'used', updated_at = now()
                         where school_id = :school and id = :credit""")
                .param("school", school).param("credit", credit).param("status", status).update();
        audit.record(school, actor, "makeup_credit.marked", "makeup_credit", credit.toString(),
                Map.of("attendance", status, "before", String.valueOf(lesson.attendance())));
        if (status.equals("no_show") && !"no_show".equals(lesson.attendance())) {
            notifications.email(school, lesson.email(), lesson.family().noShow(lesson.lessonDate()));
        }
        return credits.get(school, credit);
    }
}
