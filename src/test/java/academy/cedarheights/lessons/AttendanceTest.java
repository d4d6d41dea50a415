package academy.cedarheights.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Attendance through HTTP: admins mark any lesson, teachers their own, parents report absences ahead. */
@IntegrationTest
class AttendanceTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    TestSchool school;
    Session admin;
    Session ada;
    Session bo;
    Session parent;
    UUID enrollment;
    UUID student;
    LocalDate lastMonday;
    LocalDate nextMonday;

    @BeforeEach
    void aSchoolWithALessonOnMondays() {
        school = schools.create();
        admin = school.admin(api);
        LocalDate today = LocalDate.now(VANCOUVER);
        lastMonday = today.with(TemporalAdjusters.previous(java.time.DayOfWeek.MONDAY));
        nextMonday = today.with(TemporalAdjusters.next(java.time.DayOfWeek.MONDAY));
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", today.minusDays(60)).param("b", today.plusDays(60)).update();
        UUID piano = school.instrument("piano");
        UUID adaId = school.teacher("Ada Keys", true, piano);
        school.teacher("Bo Strings", true, piano);
        ada = api.as(school.signUp(api, "ada.keys@" + school.slug() + ".test"));
        bo = api.as(school.signUp(api, "bo.strings@" + school.slug() + ".test"));
        parent = api.as(school.signUp(api, "pat@families.test"));
        student = UUID.fromString(parent.post("/api/v1/parent/students", """
                {"name": "Kid", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(today.minusYears(9), piano)).text("id"));
        UUID slot = school.slot(adaId, 1, "16:00");
        enrollment = owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date)
                        values (:s, :st, :slot, 'semester', 'active', :start) returning id""")
                .param("s", school.id()).param("st", student).param("slot", slot).param("start", today.minusDays(30))
                .query(UUID.class).single();
    }

    @Test
    void anAdminMarksAndRemarksALesson() {
        assertThat(mark(admin, "/api/v1/admin/attendance", lastMonday, "present").status()).isEqualTo(200);
        Answer remarked = mark(admin, "/api/v1/admin/attendance", lastMonday, "cancelled_by_school");
        assertThat(remarked.text("status")).isEqualTo("cancelled_by_school");

        Answer day = admin.get("/api/v1/admin/attendance?date=" + lastMonday);
        assertThat(day.texts("student_name")).containsExactly("Kid");
        assertThat(day.json().get(0).path("attendance").asString()).isEqualTo("cancelled_by_school");
        assertThat(day.json().get(0).path("start_time").asString()).isEqualTo("16:00");
        assertThat(owner.jdbc().sql("select count(*) from audit_log where school_id = :s and entity_type = 'attendance'")
                .param("s", school.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aDateThatIsNotALessonIs400AndAnUnknownEnrollment404() {
        assertThat(mark(admin, "/api/v1/admin/attendance", lastMonday.plusDays(1), "present").errorFields())
                .containsExactly("date");
        assertThat(mark(admin, "/api/v1/admin/attendance", lastMonday.minusDays(35), "present").errorFields())
                .as("before the enrollment started").containsExactly("date");
        assertThat(admin.put("/api/v1/admin/attendance", """
                {"enrollment_id": "%s", "date": "%s", "status": "present"}""".formatted(UUID.randomUUID(), lastMonday))
                .status()).isEqualTo(404);
        assertThat(mark(admin, "/api/v1/admin/attendance", lastMonday, "late").errorFields()).containsExactly("status");
    }

    @Test
    void teachersSeeAndMarkOnlyTheirOwnLessons() {
        assertThat(ada.get("/api/v1/teacher/lessons?date=" + lastMonday).texts("student_name")).containsExactly("Kid");
        assertThat(bo.get("/api/v1/teacher/lessons?date=" + lastMonday).json()).isEmpty();

        assertThat(mark(ada, "/api/v1/teacher/attendance", lastMonday, "present").status()).isEqualTo(200);
        assertThat(mark(bo, "/api/v1/teacher/attendance", lastMonday, "present").status()).isEqualTo(404);
        assertThat(mark(parent, "/api/v1/teacher/attendance", lastMonday, "present").status()).isEqualTo(403);
    }

    @Test
    void aNoShowTellsTheFamilyOnce() {
        mark(ada, "/api/v1/teacher/attendance", lastMonday, "no_show");
        mark(ada, "/api/v1/teacher/attendance", lastMonday, "no_show");

        await().atMost(Duration.ofSeconds(10)).until(() -> emails("no_show_notice") == 1);
        String model = owner.jdbc().sql("select model::text from email_log where school_id = :s and template = 'no_show_notice'")
                .param("s", school.id()).query(String.class).single();
        assertThat(model).contains("Ada Keys").contains(lastMonday.toString());
    }

    @Test
    void aParentReportsAnAbsenceAheadAndSeesTheHistory() {
        Answer absence = parent.post("/api/v1/parent/absences", """
                {"enrollment_id": "%s", "date": "%s"}""".formatted(enrollment, nextMonday));
        assertThat(absence.status()).as(absence.toString()).isEqualTo(201);
        assertThat(absence.text("status")).isEqualTo("absent");
        assertThat(absence.text("reported_at")).isNotBlank();

        assertThat(parent.post("/api/v1/parent/absences", """
                {"enrollment_id": "%s", "date": "%s"}""".formatted(enrollment, lastMonday)).errorFields())
                .as("too late").containsExactly("date");
        Session neighbour = api.as(school.signUp(api, "neighbour@families.test"));
        neighbour.post("/api/v1/parent/payees/self", "{\"name\": \"Neighbour\"}");
        assertThat(neighbour.post("/api/v1/parent/absences", """
                {"enrollment_id": "%s", "date": "%s"}""".formatted(enrollment, nextMonday)).status()).isEqualTo(404);

        assertThat(parent.get("/api/v1/parent/attendance?student_id=" + student).texts("status")).containsExactly("absent");
        assertThat(neighbour.get("/api/v1/parent/attendance?student_id=" + student).status()).isEqualTo(404);
    }

    @Test
    void aPupilWhoHasLeftStaysOnThePastDaysTheyCameAndIsMarkedThere() {
        owner.jdbc().sql("update enrollments set activated_at = now() - interval '30 days' where id = :e")
                .param("e", enrollment).update();
        assertThat(admin.post("/api/v1/admin/enrollments/" + enrollment + "/cancel", "{\"reason\": \"moved away\"}")
                .status()).isEqualTo(200);

        assertThat(admin.get("/api/v1/admin/attendance?date=" + lastMonday).texts("student_name"))
                .as("the lesson happened before they left").containsExactly("Kid");
        assertThat(mark(admin, "/api/v1/admin/attendance", lastMonday, "present").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/admin/attendance?date=" + nextMonday).json()).as("no lesson after").isEmpty();
        assertThat(mark(admin, "/api/v1/admin/attendance", nextMonday, "present").errorFields()).containsExactly("date");
        assertThat(owner.jdbc().sql("""
                        select count(*) from audit_log where school_id = :s and action = 'attendance.created'
                           and entity_id = :e""")
                .param("s", school.id()).param("e", enrollment.toString()).query(Long.class).single())
                .as("a late mark is audited like any").isEqualTo(1);
    }

    @Test
    void aClosedDayHasNoLesson() {
        owner.jdbc().sql("""
                        insert into closures (school_id, semester_id, start_date, end_date, reason)
                        select school_id, id, :day, :day, 'Holiday' from semesters where school_id = :s""")
                .param("s", school.id()).param("day", lastMonday).update();

        assertThat(admin.get("/api/v1/admin/attendance?date=" + lastMonday).json()).isEmpty();
        assertThat(mark(admin, "/api/v1/admin/attendance", lastMonday, "present").errorFields()).containsExactly("date");
    }

    private Answer mark(Session who, String path, LocalDate date, String status) {
        return who.put(path, """
                {"enrollment_id": "%s", "date": "%s", "status": "%s", "notes": "ok"}""".formatted(enrollment, date, status));
    }

    private long emails(String template) {
        return owner.jdbc().sql("select count(*) from email_log where school_id = :s and template = :t")
                .param("s", school.id()).param("t", template).query(Long.class).single();
    }
}
