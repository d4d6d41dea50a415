package academy.cedarheights.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
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
import tools.jackson.databind.JsonNode;

/**
 * Closing the school for days: the preview says exactly what saving does and writes nothing; saving cancels the
 * unmarked lessons of those days as the school, grants the credits the make-up rule grants, and hands back make-ups
 * booked on them — and leaves a lesson already marked as it was.
 */
@IntegrationTest
class ClosuresTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    TestSchool school;
    Session admin;
    UUID term;
    LocalDate monday;
    LocalDate tuesday;
    UUID termPupil;
    UUID monthlyPupil;
    UUID bookedMakeUp;

    @BeforeEach
    void twoFamiliesWithMondayLessonsAndAMakeUpBookedOnTuesday() {
        school = schools.create();
        admin = school.admin(api);
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        tuesday = monday.plusDays(1);
        term = school.inTerm(today);
        UUID piano = school.instrument("piano");
        UUID ada = school.teacher("Ada Keys", true, piano);
        termPupil = enrol(school.student(school.payee("Pat Doe"), "Zed Doe", piano), school.slot(ada, 1, "16:00"), "semester");
        monthlyPupil = enrol(school.student(school.payee("Lee Kim"), "Amy Kim", piano), school.slot(ada, 1, "16:30"), "monthly");
        UUID zed = owner.jdbc().sql("select student_id from enrollments where id = :e").param("e", termPupil)
                .query(UUID.class).single();
        bookedMakeUp = owner.jdbc().sql("""
                        insert into makeup_credits (school_id, student_id, enrollment_id, semester_id, source_lesson_date,
                                                    status, expires_on, booked_timeslot_id, booked_date)
                        values (:s, :zed, :e, :term, :missed, 'booked', :expires, :slot, :tuesday) returning id""")
                .param("s", school.id()).param("zed", zed).param("e", termPupil).param("term", term)
                .param("missed", monday.minusWeeks(2)).param("expires", monday.plusWeeks(8))
                .param("slot", school.slot(ada, 2, "17:00")).param("tuesday", tuesday).query(UUID.class).single();
    }

    @Test
    void thePreviewSaysWhatSavingDoesAndWritesNothing() {
        Answer preview = close(monday, tuesday, true);

        assertThat(preview.status()).isEqualTo(200);
        assertThat(effect(preview.json())).as("lessons, families, credits (the term plan only), make-ups handed back")
                .containsExactly(2, 2, 1, 1);
        assertThat(preview.json().path("id").isMissingNode()).as("nothing saved").isTrue();
        assertThat(count("closures")).isZero();
        assertThat(count("attendance")).isZero();
        assertThat(owner.jdbc().sql("select status from makeup_credits where id = :c").param("c", bookedMakeUp)
                .query(String.class).single()).isEqualTo("booked");
        assertThat(familyEmails()).as("no invitation sent for a preview").isZero();

        Answer saved = close(monday, tuesday, false);

        assertThat(saved.status()).isEqualTo(201);
        assertThat(saved.text("reason")).isEqualTo("Staff training");
        assertThat(saved.text("id")).isNotBlank();
        assertThat(effect(saved.json())).isEqualTo(effect(preview.json()));
        assertThat(owner.jdbc().sql("select status || ' ' || notes from attendance where school_id = :s order by enrollment_id")
                .param("s", school.id()).query(String.class).list())
                .containsOnly("cancelled_by_school Closed: Staff training").hasSize(2);
        assertThat(owner.jdbc().sql("select status from makeup_credits where id = :c").param("c", bookedMakeUp)
                .query(String.class).single()).isEqualTo("available");
        assertThat(owner.jdbc().sql("select count(*) from makeup_credits where enrollment_id = :e and source_lesson_date = :d")
                .param("e", termPupil).param("d", monday).query(Long.class).single()).isEqualTo(1);
        assertThat(admin.get("/api/v1/admin/attendance?date=" + monday).json()).as("the day is closed").isEmpty();
        assertThat(familyEmails()).as("the term family is invited to book its credit").isEqualTo(1);
    }

    @Test
    void aLessonAlreadyMarkedStaysAndABadClosureIsRefusedNamingItsField() {
        assertThat(admin.put("/api/v1/admin/attendance", """
                {"enrollment_id": "%s", "date": "%s", "status": "present"}""".formatted(monthlyPupil, monday)).status())
                .isEqualTo(200);

        assertThat(effect(close(monday, monday, false).json())).containsExactly(1, 1, 1, 0);
        assertThat(owner.jdbc().sql("select status from attendance where enrollment_id = :e").param("e", monthlyPupil)
                .query(String.class).single()).isEqualTo("present");

        assertThat(close(tuesday, monday, true).errorFields()).containsExactly("end_date");
        assertThat(close(monday.plusYears(2), monday.plusYears(2), true).errorFields()).containsExactly("start_date");
        assertThat(count("closures")).isEqualTo(1);
    }

    private Answer close(LocalDate from, LocalDate to, boolean preview) {
        return admin.post("/api/v1/admin/semesters/" + term + "/closures?preview=" + preview, """
                {"start_date": "%s", "end_date": "%s", "reason": "Staff training"}""".formatted(from, to));
    }

    private UUID enrol(UUID student, UUID slot, String plan) {
        return owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date,
                                                 paid_through)
                        values (:s, :student, :slot, :plan, 'active', :start,
                                case when :plan = 'semester' then cast(:until as date) end) returning id""")
                .param("s", school.id()).param("student", student).param("slot", slot).param("plan", plan)
                .param("start", monday.minusWeeks(3)).param("until", monday.plusWeeks(8)).query(UUID.class).single();
    }

    private static List<Integer> effect(JsonNode outcome) {
        JsonNode effect = outcome.path("effect");
        return List.of(effect.path("lessons").asInt(), effect.path("families").asInt(),
                effect.path("credits_granted").asInt(), effect.path("make_ups_returned").asInt());
    }

    private long familyEmails() {
        return owner.jdbc().sql("select count(*) from email_log where school_id = :s and recipient like '%@families.test'")
                .param("s", school.id()).query(Long.class).single();
    }

    private long count(String table) {
        return owner.jdbc().sql("select count(*) from " + table + " where school_id = :s").param("s", school.id())
                .query(Long.class).single();
    }
}
