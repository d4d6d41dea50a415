package academy.cedarheights.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database itself refuses what the domain forbids, whatever the Java code above it does. */
@IntegrationTest
class SchemaConstraintsTest {

    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    JdbcClient jdbc;

    TestSchool school;
    UUID piano;
    UUID teacher;

    @BeforeEach
    void aSchoolWithATeacher() {
        jdbc = owner.jdbc();
        school = schools.create();
        piano = school.instrument("piano");
        teacher = school.teacher("Ada Keys", true, piano);
    }

    @Test
    void twoHoldersOfOneSlotAreRefused() {
        UUID slot = school.slot(teacher, 1, "15:00");
        UUID payee = school.payee("Pat Doe");
        school.activeEnrollment(school.student(payee, "Kid One", piano), slot);
        UUID second = school.student(payee, "Kid Two", piano);

        assertThatThrownBy(() -> school.activeEnrollment(second, slot))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("enrollments_one_holder_per_timeslot");
    }

    @Test
    void aCancelledEnrollmentFreesTheSlotForTheNextHolder() {
        UUID slot = school.slot(teacher, 1, "15:00");
        UUID payee = school.payee("Pat Doe");
        UUID first = school.activeEnrollment(school.student(payee, "Kid One", piano), slot);
        jdbc.sql("update enrollments set status = 'cancelled' where school_id = :s and id = :id")
                .param("s", school.id()).param("id", first).update();

        assertThat(school.activeEnrollment(school.student(payee, "Kid Two", piano), slot)).isNotNull();
    }

    @Test
    void aStudentHoldsOneWeeklySlotAtATime() {
        UUID student = school.student(school.payee("Pat Doe"), "Kid", piano);
        school.activeEnrollment(student, school.slot(teacher, 1, "15:00"));

        assertThatThrownBy(() -> school.activeEnrollment(student, school.slot(teacher, 2, "15:00")))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("enrollments_one_slot_per_student");
    }

    @Test
    void aTeachersActiveSlotsNeverOverlap() {
        school.slot(teacher, 3, "15:00");
        assertThatThrownBy(() -> school.slot(teacher, 3, "15:15"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("timeslots_teacher_no_overlap");
        // back to back is fine, and so is the same time on another day or an inactive slot
        assertThat(school.slot(teacher, 3, "15:30")).isNotNull();
        assertThat(school.slot(teacher, 4, "15:15")).isNotNull();
        assertThat(school.slot(teacher, 3, "15:10", null, false)).isNotNull();
    }

    @Test
    void aRoomHoldsOneLessonAtATime() {
        UUID room = school.room("Studio A");
        UUID other = school.teacher("Bo Strings", true, piano);
        school.slot(teacher, 2, "16:00", room, true);

        assertThatThrownBy(() -> school.slot(other, 2, "16:15", room, true))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("timeslots_room_no_overlap");
        assertThat(school.slot(other, 2, "16:15")).as("same time, no room").isNotNull();
    }

    @Test
    void semestersNeverOverlap() {
        semester("Fall", "2030-09-01", "2030-12-31");
        assertThatThrownBy(() -> semester("Winter", "2030-12-31", "2031-06-30"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("semesters_no_overlap");
        semester("Winter", "2031-01-01", "2031-06-30");
    }

    @Test
    void aRowCannotReferToAnotherSchoolsRow() {
        TestSchool other = schools.create();
        UUID otherTeacher = other.teacher("Not Ours", true);

        assertThatThrownBy(() -> school.slot(otherTeacher, 1, "15:00"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("foreign key");
    }

    @Test
    void checkConstraintsRefuseImpossibleValues() {
        assertRefused("insert into timeslots (school_id, teacher_id, weekday, start_time, end_time) "
                + "values (:s, :t, 8, '10:00', '10:30')");
        assertRefused("insert into timeslots (school_id, teacher_id, weekday, start_time, end_time) "
                + "values (:s, :t, 1, '10:30', '10:00')");
        assertRefused("update teachers set pay_per_lesson_cents = -1 where school_id = :s and id = :t");
        assertRefused("update schools set currency = 'cad' where id = :s");
        assertRefused("update schools set slug = 'Not A Slug' where id = :s");
    }

    @Test
    void enrollmentsTakeOnlyKnownStatusesAndPlansAndAProvisionalOneExpires() {
        UUID slot = school.slot(teacher, 5, "15:00");
        UUID student = school.student(school.payee("Pat Doe"), "Kid", piano);
        String insert = "insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date) "
                + "values (:s, :student, :slot, :plan, :status, current_date)";

        for (String[] planAndStatus : new String[][] {{"weekly", "active"}, {"monthly", "pending"}, {"monthly", "provisional"}}) {
            assertThatThrownBy(() -> jdbc.sql(insert).param("s", school.id()).param("student", student)
                    .param("slot", slot).param("plan", planAndStatus[0]).param("status", planAndStatus[1]).update())
                    .as(String.join("/", planAndStatus))
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    @Test
    void aStripeEventIsStoredOnce() {
        String event = "evt_" + UUID.randomUUID();
        String insert = "insert into stripe_events (id, type, payload) values (:id, 'invoice.paid', '{}'::jsonb)";
        jdbc.sql(insert).param("id", event).update();

        assertThatThrownBy(() -> jdbc.sql(insert).param("id", event).update())
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aMakeUpLessonIsBookedOnce() {
        UUID slot = school.slot(teacher, 1, "15:00");
        UUID open = school.slot(teacher, 2, "15:00");
        UUID payee = school.payee("Pat Doe");
        UUID first = school.student(payee, "Kid One", piano);
        UUID second = school.student(payee, "Kid Two", piano);
        UUID semester = semester("Fall", "2031-09-01", "2031-12-31");
        UUID enrollmentOne = school.activeEnrollment(first, slot);
        UUID enrollmentTwo = school.activeEnrollment(second, school.slot(teacher, 3, "15:00"));
        bookedMakeUp(first, enrollmentOne, semester, open);

        assertThatThrownBy(() -> bookedMakeUp(second, enrollmentTwo, semester, open))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("makeup_credits_one_booking_per_lesson");
    }

    private void bookedMakeUp(UUID student, UUID enrollment, UUID semester, UUID timeslot) {
        jdbc.sql("""
                        insert into makeup_credits (school_id, student_id, enrollment_id, semester_id, source_lesson_date,
                                                    status, expires_on, booked_timeslot_id, booked_date)
                        values (:s, :student, :enrollment, :semester, '2031-09-08', 'booked', '2031-12-31',
                                :timeslot, '2031-09-16')""")
                .param("s", school.id()).param("student", student).param("enrollment", enrollment)
                .param("semester", semester).param("timeslot", timeslot).update();
    }

    private UUID semester(String name, String start, String end) {
        return jdbc.sql("insert into semesters (school_id, name, start_date, end_date) values (:s, :n, :a, :b) returning id")
                .param("s", school.id()).param("n", name)
                .param("a", LocalDate.parse(start)).param("b", LocalDate.parse(end))
                .query(UUID.class).single();
    }

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> jdbc.sql(sql).param("s", school.id()).param("t", teacher).update())
                .as(sql)
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
