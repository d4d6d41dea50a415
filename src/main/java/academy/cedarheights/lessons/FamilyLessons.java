package academy.cedarheights.lessons;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.families.FamilyRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The family's attendance marks and make-up credits, for their data export. */
@Component
class FamilyLessons implements FamilyRecords {

    private final JdbcClient jdbc;

    FamilyLessons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record AttendanceOnRecord(UUID enrollmentId, LocalDate lessonDate, String status, String notes, Instant markedAt,
                              Instant reportedAt) {
    }

    record MakeUpOnRecord(UUID id, UUID studentId, String status, LocalDate sourceLessonDate, LocalDate expiresOn,
                          UUID bookedTimeslotId, LocalDate bookedDate) {
    }

    @Override
    public String section() {
        return "lessons";
    }

    @Override
    public Map<String, Object> collect(UUID schoolId, UUID payeeId, String payeeEmail) {
        List<AttendanceOnRecord> attendance = jdbc.sql("""
                        select a.enrollment_id, a.lesson_date, a.status, a.notes, a.marked_at, a.reported_at
                          from attendance a
                          join enrollments e on e.school_id = a.school_id and e.id = a.enrollment_id
                          join students s on s.school_id = e.school_id and s.id = e.student_id
                         where a.school_id = :school and s.payee_id = :payee order by a.lesson_date""")
                .param("school", schoolId).param("payee", payeeId).query(AttendanceOnRecord.class).list();
        List<MakeUpOnRecord> makeUps = jdbc.sql("""
                        select m.id, m.student_id, m.status, m.source_lesson_date, m.expires_on, m.booked_timeslot_id,
                               m.booked_date
                          from makeup_credits m join students s on s.school_id = m.school_id and s.id = m.student_id
                         where m.school_id = :school and s.payee_id = :payee order by m.source_lesson_date""")
                .param("school", schoolId).param("payee", payeeId).query(MakeUpOnRecord.class).list();
        return Map.of("attendance", attendance, "make_ups", makeUps);
    }
}
