package academy.cedarheights.lessons;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What closing the school for some days does to its lessons, through the same rules as attendance: each weekly lesson
 * not yet marked is cancelled by the school (its make-up credit granted as the make-up rule and the semester's
 * allowance say, its family invited to book it), and a make-up booked on a closed day goes back to being a credit.
 * It runs before the closure is saved, in the same transaction, while those days are still lesson days.
 */
@Service
public class SchoolClosures {

    /** What a closure cancelled: weekly lessons, the families they belong to, credits granted, make-ups handed back. */
    public record Effect(int lessons, int families, int creditsGranted, int makeUpsReturned) {
    }

    private final Lessons lessons;
    private final MakeUpCredits credits;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    SchoolClosures(Lessons lessons, MakeUpCredits credits, JdbcClient jdbc, AuditTrail audit) {
        this.lessons = lessons;
        this.credits = credits;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Effect close(UUID school, String actor, LocalDate from, LocalDate to, String reason) {
        List<UUID> cancelled = new ArrayList<>();
        int granted = 0;
        int returned = 0;
        String note = reason == null || reason.isBlank() ? "The school is closed" : "Closed: " + reason.trim();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (Lesson lesson : lessons.on(school, day, null)) {
                if (lesson.attendance() != null) {
                    continue;
                }
                if (lesson.makeupId() != null) {
                    returned += handBack(school, actor, lesson.makeupId(), day);
                    continue;
                }
                cancel(school, actor, lesson.enrollmentId(), day, note);
                cancelled.add(lesson.enrollmentId());
                if (credits.settle(school, actor, lesson.enrollmentId(), day)) {
                    granted++;
                }
            }
        }
        return new Effect(cancelled.size(), families(school, cancelled), granted, returned);
    }

    private void cancel(UUID school, String actor, UUID enrollment, LocalDate day, String note) {
        jdbc.sql("""
                        insert into attendance (school_id, enrollment_id, lesson_date, status, notes, marked_by)
                        values (:school, :enrollment, :day, 'cancelled_by_school', :note, :actor)""")
                .param("school", school).param("enrollment", enrollment).param("day", day).param("note", note)
                .param("actor", actor).update();
        audit.record(school, actor, "attendance.created", "attendance", enrollment.toString(),
                Map.of("lesson_date", day.toString(), "status", "cancelled_by_school", "notes", note));
    }

    /** A make-up booked on a closed day: its credit is free to book again. */
    private int handBack(UUID school, String actor, UUID credit, LocalDate day) {
        int handed = jdbc.sql("""
                        update makeup_credits set status = 'available', booked_timeslot_id = null, booked_date = null,
                                                  updated_at = now()
                         where school_id = :school and id = :credit and status = 'booked'""")
                .param("school", school).param("credit", credit).update();
        if (handed == 1) {
            audit.record(school, actor, "makeup_credit.returned", "makeup_credit", credit.toString(),
                    Map.of("booked_date", day.toString(), "reason", "the school is closed that day"));
        }
        return handed;
    }

    private int families(UUID school, List<UUID> enrollments) {
        if (enrollments.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        select count(distinct st.payee_id) from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                         where e.school_id = :school and e.id in (:enrollments)""")
                .param("school", school).param("enrollments", enrollments).query(Integer.class).single();
    }
}
