package academy.cedarheights.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * The owner's reports read from what was marked and what was charged: pay for lessons the teacher was there for
 * and nothing else, the ledger by month in the school's zone, attendance per teacher and pupil — as JSON and as the
 * CSV a spreadsheet opens safely.
 */
@IntegrationTest
class ReportsTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    TestSchool school;
    Session admin;
    UUID ada;
    UUID bo;
    UUID kid;
    UUID kidsLessons;
    UUID family;
    LocalDate first;
    LocalDate last;

    @BeforeEach
    void aSchoolWithFourWeeksOfMondayLessons() {
        school = schools.create();
        admin = school.admin(api);
        LocalDate today = LocalDate.now(VANCOUVER);
        last = today.with(TemporalAdjusters.previous(DayOfWeek.MONDAY));
        first = last.minusWeeks(3);
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", today.minusDays(60)).param("b", today.plusDays(60)).update();
        UUID piano = school.instrument("piano");
        ada = school.teacher("Ada Keys", true, piano);
        bo = school.teacher("=Bo, \"Strings\"", true, piano);
        school.teacher("Cy Retired", false, piano);
        owner.jdbc().sql("update teachers set pay_per_lesson_cents = case when id = :ada then 4000 else 3500 end where school_id = :s")
                .param("ada", ada).param("s", school.id()).update();
        family = school.payee("Pat Doe");
        kid = school.student(family, "Kid Doe", piano);
        kidsLessons = owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date)
                        values (:s, :st, :slot, 'semester', 'active', :start) returning id""")
                .param("s", school.id()).param("st", kid).param("slot", school.slot(ada, 1, "16:00"))
                .param("start", first.minusWeeks(1)).query(UUID.class).single();
    }

    @Test
    void payrollPaysTheLessonsTheTeacherWasThereForAndAttendanceCountsEveryMark() {
        mark(first.minusWeeks(1), "present");
        mark(first, "present");
        mark(first.plusWeeks(1), "no_show");
        mark(first.plusWeeks(2), "absent");
        mark(last, "cancelled_by_school");
        owner.jdbc().sql("""
                        insert into makeup_credits (school_id, student_id, enrollment_id, semester_id, source_lesson_date,
                                                    status, expires_on, booked_timeslot_id, booked_date, attendance)
                        select :s, :kid, :enrollment, id, :missed, 'used', :missed + 60, :slot, :missed + 1, 'present'
                          from semesters where school_id = :s""")
                .param("s", school.id()).param("kid", kid).param("enrollment", kidsLessons)
                .param("missed", first.plusWeeks(2)).param("slot", school.slot(bo, 2, "17:00")).update();

        JsonNode payroll = admin.get("/api/v1/admin/reports/payroll?from=" + first + "&to=" + last).json();

        assertThat(payroll.valueStream().map(line -> line.path("teacher").asString()).toList())
                .as("active teachers, and none who is not and taught nothing").containsExactly("=Bo, \"Strings\"", "Ada Keys");
        JsonNode adas = payroll.get(1);
        assertThat(adas.path("lessons").asLong()).as("present and no-show, in the days asked for").isEqualTo(2);
        assertThat(adas.path("make_ups").asLong()).isZero();
        assertThat(adas.path("pay_per_lesson").path("amount").asLong()).isEqualTo(4000);
        assertThat(adas.path("total").path("amount").asLong()).isEqualTo(8000);
        assertThat(adas.path("total").path("currency").asString()).isEqualTo("CAD");
        JsonNode bos = payroll.get(0);
        assertThat(bos.path("make_ups").asLong()).isEqualTo(1);
        assertThat(bos.path("total").path("amount").asLong()).isEqualTo(3500);
        assertThat(admin.get("/api/v1/admin/reports/payroll?from=" + first.minusWeeks(1) + "&to=" + first.minusWeeks(1))
                .json().get(1).path("total").path("amount").asLong()).isEqualTo(4000);

        JsonNode attendance = admin.get("/api/v1/admin/reports/attendance?from=" + first + "&to=" + last).json();
        assertThat(attendance.size()).isEqualTo(2);
        JsonNode withAda = attendance.get(1);
        assertThat(withAda.path("student").asString()).isEqualTo("Kid Doe");
        assertThat(List.of(withAda.path("present").asLong(), withAda.path("absent").asLong(),
                withAda.path("no_show").asLong(), withAda.path("cancelled").asLong())).containsExactly(1L, 1L, 1L, 1L);
        assertThat(attendance.get(0).path("present").asLong()).as("the make-up, with the teacher who gave it").isEqualTo(1);

        Answer csv = admin.get("/api/v1/admin/reports/payroll?from=" + first + "&to=" + last, "Accept", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("payroll-" + first + "-to-" + last + ".csv");
        assertThat(csv.body().split("\r\n")).containsExactly(
                "teacher_id,teacher,lessons,make_ups,pay_per_lesson,total,currency",
                bo + ",\"'=Bo, \"\"Strings\"\"\",0,1,35.00,35.00,CAD",
                ada + ",Ada Keys,2,0,40.00,80.00,CAD");
        assertThat(admin.get("/api/v1/admin/reports/attendance?from=" + first + "&to=" + last, "Accept", "text/csv").body())
                .contains(ada + ",Ada Keys," + kid + ",Kid Doe,1,1,1,1");
    }

    @Test
    void aPupilWhoMovedIsPaidToTheTeacherOfEachLesson() {
        mark(first, "present");
        mark(first.plusWeeks(1), "present");
        UUID boMonday = school.slot(bo, 1, "17:00");
        UUID adaMonday = owner.jdbc().sql("select timeslot_id from enrollments where id = :e").param("e", kidsLessons)
                .query(UUID.class).single();
        // moved to Bo's Monday slot from the third Monday on
        owner.jdbc().sql("update enrollments set timeslot_id = :bo where id = :e").param("bo", boMonday)
                .param("e", kidsLessons).update();
        owner.jdbc().sql("""
                        insert into enrollment_moves (school_id, enrollment_id, from_timeslot_id, to_timeslot_id,
                                                      effective_on, moved_by)
                        values (:s, :e, :ada, :bo, :day, 'test')""")
                .param("s", school.id()).param("e", kidsLessons).param("ada", adaMonday).param("bo", boMonday)
                .param("day", first.plusWeeks(2)).update();
        mark(first.plusWeeks(2), "present");

        JsonNode payroll = admin.get("/api/v1/admin/reports/payroll?from=" + first + "&to=" + last).json();

        assertThat(payroll.valueStream().map(line -> line.path("teacher").asString() + " "
                + line.path("lessons").asLong()).toList()).containsExactly("=Bo, \"Strings\" 1", "Ada Keys 2");
    }

    @Test
    void revenueAddsUpTheLedgerByMonthInTheSchoolsZoneAndPlan() {
        // 05:00 UTC on 1 November is still 31 October in Vancouver
        Instant octoberEvening = OffsetDateTime.of(2026, 11, 1, 5, 0, 0, 0, ZoneOffset.UTC).toInstant();
        Instant november = OffsetDateTime.of(2026, 11, 10, 18, 0, 0, 0, ZoneOffset.UTC).toInstant();
        entry("charge", "paid", 12000, octoberEvening, "in_oct");
        entry("adjustment", "paid", -1200, octoberEvening, "in_oct");
        entry("payment", "paid", -10800, octoberEvening, "in_oct");
        entry("charge", "open", 12000, november, "in_nov");
        entry("adjustment", "paid", -1200, november, "in_nov");
        entry("payment", "failed", -10800, november, "in_nov");
        entry("charge", "void", 5000, november, "in_nov_void");
        entry("refund", "paid", 2000, november, "re_nov");
        entryOfNoEnrollment(-3000, november);

        JsonNode revenue = admin.get("/api/v1/admin/reports/revenue?from=2026-10-01&to=2026-11-30").json();

        assertThat(revenue.valueStream().map(line -> line.path("month").asString() + " " + line.path("plan").asString())
                .toList()).containsExactly("2026-10 semester", "2026-11 none", "2026-11 semester");
        assertThat(amounts(revenue.get(0))).as("charged net of the discount, paid, refunded, outstanding")
                .containsExactly(10800L, 10800L, 0L, 0L);
        assertThat(amounts(revenue.get(1))).containsExactly(0L, 3000L, 0L, 0L);
        assertThat(amounts(revenue.get(2))).as("a failed payment and a void charge count nowhere")
                .containsExactly(10800L, 0L, 2000L, 10800L);
        assertThat(admin.get("/api/v1/admin/reports/revenue?from=2026-11-01&to=2026-11-30").json().size())
                .as("the October evening is not November's").isEqualTo(2);
        assertThat(admin.get("/api/v1/admin/reports/revenue?from=2026-10-01&to=2026-11-30", "Accept", "text/csv").body())
                .contains("2026-11,semester,108.00,0.00,20.00,108.00,CAD");
    }

    @Test
    void aBackwardOrEndlessPeriodIsRefusedNamingItsFieldAndNobodyElseReadsTheReports() {
        Answer backwards = admin.get("/api/v1/admin/reports/payroll?from=" + last + "&to=" + first);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errorFields()).containsExactly("to");
        Answer asCsv = admin.get("/api/v1/admin/reports/revenue?from=" + last + "&to=" + first, "Accept", "text/csv");
        assertThat(asCsv.status()).as("a problem even when CSV was asked for").isEqualTo(400);
        assertThat(admin.get("/api/v1/admin/reports/attendance?from=2020-01-01&to=2026-01-01").errorFields())
                .containsExactly("to");
        assertThat(admin.get("/api/v1/admin/reports/payroll?from=last-week").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/admin/reports/payroll").status()).as("the month so far").isEqualTo(200);

        Session parent = api.as(school.signUp(api, "pat@" + school.slug() + ".test"));
        assertThat(parent.get("/api/v1/admin/reports/payroll").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/reports/payroll").status()).isEqualTo(401);
        mark(first, "present");
        Session another = schools.create().admin(api);
        assertThat(another.get("/api/v1/admin/reports/attendance?from=" + first + "&to=" + last).json().size())
                .as("another school's reports are its own").isZero();
    }

    private void mark(LocalDate day, String status) {
        Answer marked = admin.put("/api/v1/admin/attendance", """
                {"enrollment_id": "%s", "date": "%s", "status": "%s"}""".formatted(kidsLessons, day, status));
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
    }

    private void entry(String kind, String status, long cents, Instant at, String reference) {
        owner.jdbc().sql("""
                        insert into ledger_entries (school_id, payee_id, enrollment_id, kind, status, amount_cents, currency,
                                                    description, provider_ref, occurred_at)
                        values (:s, :payee, :enrollment, :kind, :status, :cents, 'CAD', 'Fixture', :ref, :at)""")
                .param("s", school.id()).param("payee", family).param("enrollment", kidsLessons).param("kind", kind)
                .param("status", status).param("cents", cents).param("ref", reference)
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    private void entryOfNoEnrollment(long cents, Instant at) {
        owner.jdbc().sql("""
                        insert into ledger_entries (school_id, payee_id, kind, status, amount_cents, currency, description,
                                                    method, occurred_at)
                        values (:s, :payee, 'payment', 'paid', :cents, 'CAD', 'Cash', 'cash', :at)""")
                .param("s", school.id()).param("payee", family).param("cents", cents)
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    private static List<Long> amounts(JsonNode line) {
        return List.of(line.path("charged").path("amount").asLong(), line.path("paid").path("amount").asLong(),
                line.path("refunded").path("amount").asLong(), line.path("outstanding").path("amount").asLong());
    }
}
