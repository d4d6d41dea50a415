package academy.cedarheights.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/** Make-up credits through HTTP: granted and refused by the rules, capped, revoked, expired, and booked once. */
@IntegrationTest
class MakeUpTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @Autowired MakeUpCredits credits;

    TestSchool school;
    Session admin;
    Session ada;
    Session bo;
    Session parent;
    UUID piano;
    UUID adaId;
    UUID mondaySlot;
    UUID freeTuesdaySlot;
    UUID semester;
    UUID student;
    UUID enrollment;
    LocalDate today;
    LocalDate lastMonday;
    LocalDate nextTuesday;

    @BeforeEach
    void aSemesterStudentOnMondaysAndAFreeSlotOnTuesdays() {
        school = schools.create();
        admin = school.admin(api);
        today = LocalDate.now(VANCOUVER);
        lastMonday = today.with(TemporalAdjusters.previous(DayOfWeek.MONDAY));
        nextTuesday = today.with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        semester = owner.jdbc().sql("""
                        insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b) returning id""")
                .param("s", school.id()).param("a", today.minusDays(60)).param("b", today.plusDays(60))
                .query(UUID.class).single();
        piano = school.instrument("piano");
        adaId = school.teacher("Ada Keys", true, piano);
        UUID boId = school.teacher("Bo Strings", true, school.instrument("guitar"));
        school.slot(boId, 2, "17:00"); // guitar only: never offered to a piano student
        ada = api.as(school.signUp(api, "ada.keys@" + school.slug() + ".test"));
        bo = api.as(school.signUp(api, "bo.strings@" + school.slug() + ".test"));
        parent = api.as(school.signUp(api, "pat@families.test"));
        student = UUID.fromString(parent.post("/api/v1/parent/students", """
                {"name": "Kid", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(today.minusYears(9), piano)).text("id"));
        mondaySlot = school.slot(adaId, 1, "16:00");
        freeTuesdaySlot = school.slot(adaId, 2, "17:00");
        enrollment = enroll(student, mondaySlot, "semester", "active");
    }

    @Test
    void aLessonTheSchoolCancelledGrantsACreditAndInvitesTheFamily() {
        Answer marked = mark(lastMonday, "cancelled_by_school");
        assertThat(marked.text("makeup_credit_id")).isNotBlank();

        Answer mine = parent.get("/api/v1/parent/makeups");
        assertThat(mine.texts("status")).containsExactly("available");
        assertThat(mine.json().get(0).path("expires_on").asString()).isEqualTo(today.plusDays(60).toString());
        assertThat(mine.json().get(0).path("student_id").asString()).isEqualTo(student.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> emails("make_up_invite") == 1);
    }

    @Test
    void noShowsPresencesUnreportedAbsencesAndMonthlyPlansEarnNothing() {
        assertThat(mark(lastMonday, "no_show").text("makeup_credit_id")).isEmpty();
        assertThat(mark(lastMonday.minusWeeks(1), "present").text("makeup_credit_id")).isEmpty();
        assertThat(mark(lastMonday.minusWeeks(2), "absent").text("makeup_credit_id")).as("not reported ahead").isEmpty();
        owner.jdbc().sql("update enrollments set billing_plan = 'monthly' where id = :e").param("e", enrollment).update();
        assertThat(mark(lastMonday.minusWeeks(3), "cancelled_by_school").text("makeup_credit_id")).isEmpty();

        assertThat(parent.get("/api/v1/parent/makeups").json()).isEmpty();
        assertThat(emails("make_up_invite")).isZero();
    }

    @Test
    void anAbsenceReportedDaysAheadGrantsACredit() {
        Answer absence = parent.post("/api/v1/parent/absences", """
                {"enrollment_id": "%s", "date": "%s"}""".formatted(enrollment, lastMonday.plusWeeks(2)));
        assertThat(absence.status()).as(absence.toString()).isEqualTo(201);
        assertThat(absence.text("makeup_credit_id")).isNotBlank();
        assertThat(admin.get("/api/v1/admin/makeups?student_id=" + student).texts("source_lesson_date"))
                .containsExactly(lastMonday.plusWeeks(2).toString());
    }

    @Test
    void theSemestersAllowanceCapsTheCredits() {
        owner.jdbc().sql("update schools set makeup_allowance_per_semester = 2 where id = :s").param("s", school.id()).update();
        mark(lastMonday, "cancelled_by_school");
        mark(lastMonday.minusWeeks(1), "cancelled_by_school");
        assertThat(mark(lastMonday.minusWeeks(2), "cancelled_by_school").text("makeup_credit_id")).isEmpty();

        assertThat(parent.get("/api/v1/parent/makeups").json()).hasSize(2);
        assertThat(owner.jdbc().sql("select count(*) from audit_log where school_id = :s and action = 'makeup_credit.refused'")
                .param("s", school.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void reMarkingRevokesAnUnusedCreditAndMarkingAgainRestoresIt() {
        String granted = mark(lastMonday, "cancelled_by_school").text("makeup_credit_id");
        assertThat(mark(lastMonday, "present").text("makeup_credit_id")).isEmpty();
        assertThat(parent.get("/api/v1/parent/makeups").json()).isEmpty();
        assertThat(admin.get("/api/v1/admin/makeups?status=revoked").texts("id")).containsExactly(granted);

        assertThat(mark(lastMonday, "cancelled_by_school").text("makeup_credit_id")).isEqualTo(granted);
        assertThat(parent.get("/api/v1/parent/makeups").texts("status")).containsExactly("available");
    }

    @Test
    void aBookedCreditStaysWhenItsLessonIsReMarked() {
        String credit = mark(lastMonday, "cancelled_by_school").text("makeup_credit_id");
        assertThat(book(credit, freeTuesdaySlot, nextTuesday).status()).isEqualTo(201);

        mark(lastMonday, "present");
        assertThat(parent.get("/api/v1/parent/makeups").texts("status")).containsExactly("booked");
    }

    @Test
    void creditsExpireAtTheSemestersEndAndPastMakeUpsAreUsed() {
        UUID expiring = credit(student, enrollment, lastMonday);
        UUID booked = credit(student, enrollment, lastMonday.minusWeeks(1));
        owner.jdbc().sql("update makeup_credits set expires_on = :d where id = :c")
                .param("d", today.minusDays(1)).param("c", expiring).update();
        owner.jdbc().sql("update makeup_credits set status = 'booked', booked_timeslot_id = :t, booked_date = :d where id = :c")
                .param("t", freeTuesdaySlot).param("d", today.minusDays(1)).param("c", booked).update();
        UUID current = credit(student, enrollment, lastMonday.minusWeeks(2));

        credits.expireAll();

        assertThat(status(expiring)).isEqualTo("expired");
        assertThat(status(booked)).isEqualTo("used");
        assertThat(status(current)).isEqualTo("available");
        assertThat(book(expiring.toString(), freeTuesdaySlot, nextTuesday).status()).isEqualTo(409);
    }

    @Test
    void aCreditBooksAFreeLessonOfATeacherOfTheInstrumentOnce() {
        String credit = mark(lastMonday, "cancelled_by_school").text("makeup_credit_id");

        Answer slots = parent.get("/api/v1/parent/makeups/slots?student_id=%s&from=%s&to=%s"
                .formatted(student, nextTuesday, nextTuesday.plusDays(6)));
        assertThat(slots.texts("timeslot_id")).as("Ada's free piano slot; not her held Monday slot, not Bo's guitar slot")
                .containsExactly(freeTuesdaySlot.toString());
        assertThat(slots.json().get(0).path("start_time").asString()).isEqualTo("17:00");
        assertThat(slots.json().get(0).path("teacher_name").asString()).isEqualTo("Ada Keys");

        Answer booked = book(credit, freeTuesdaySlot, nextTuesday);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(booked.text("status")).isEqualTo("booked");
        assertThat(booked.text("booked_date")).isEqualTo(nextTuesday.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> emails("make_up_confirmation") == 1);

        assertThat(book(credit, freeTuesdaySlot, nextTuesday.plusWeeks(1)).status()).as("credit spent").isEqualTo(409);
        assertThat(parent.get("/api/v1/parent/makeups/slots?student_id=%s&from=%s&to=%s"
                .formatted(student, nextTuesday, nextTuesday)).json()).as("no credit left").isEmpty();
    }

    @Test
    void aWeeklyBookingOfTheSlotStartsAfterItsBookedMakeUp() {
        String credit = mark(lastMonday, "cancelled_by_school").text("makeup_credit_id");
        book(credit, freeTuesdaySlot, nextTuesday);
        String sibling = parent.post("/api/v1/parent/students", """
                {"name": "Sib", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(today.minusYears(7), piano)).text("id");

        Answer weekly = parent.post("/api/v1/parent/bookings", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}""".formatted(sibling, freeTuesdaySlot));
        assertThat(weekly.status()).as(weekly.toString()).isEqualTo(202);
        assertThat(weekly.text("first_lesson_date")).isEqualTo(nextTuesday.plusWeeks(1).toString());
    }

    @Test
    void aBookedMakeUpIsInTheTeachersLessonsOfItsDate() {
        String credit = mark(lastMonday, "cancelled_by_school").text("makeup_credit_id");
        book(credit, freeTuesdaySlot, nextTuesday);

        Answer adas = ada.get("/api/v1/teacher/lessons?date=" + nextTuesday);
        assertThat(adas.texts("makeup_id")).containsExactly(credit);
        assertThat(adas.texts("student_name")).containsExactly("Kid");
        assertThat(bo.get("/api/v1/teacher/lessons?date=" + nextTuesday).json()).isEmpty();
        assertThat(admin.get("/api/v1/admin/attendance?date=" + nextTuesday).texts("makeup_id")).containsExactly(credit);
    }

    @Test
    void theTeacherMarksTheMakeUpLessonAndTheCreditIsUsed() {
        String credit = mark(lastMonday, "cancelled_by_school").text("makeup_credit_id");
        book(credit, freeTuesdaySlot, nextTuesday);

        assertThat(bo.put("/api/v1/teacher/makeups/" + credit + "/attendance", "{\"status\": \"present\"}").status())
                .as("another teacher's").isEqualTo(404);
        assertThat(parent.put("/api/v1/teacher/makeups/" + credit + "/attendance", "{\"status\": \"present\"}").status())
                .isEqualTo(403);
        assertThat(ada.put("/api/v1/teacher/makeups/" + credit + "/attendance", "{\"status\": \"late\"}").errorFields())
                .containsExactly("status");

        Answer marked = ada.put("/api/v1/teacher/makeups/" + credit + "/attendance", "{\"status\": \"no_show\"}");
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(marked.text("status")).isEqualTo("used");
        assertThat(marked.text("attendance")).isEqualTo("no_show");
        assertThat(ada.get("/api/v1/teacher/lessons?date=" + nextTuesday).texts("attendance")).containsExactly("no_show");
        await().atMost(Duration.ofSeconds(10)).until(() -> emails("no_show_notice") == 1);
        assertThat(admin.put("/api/v1/admin/makeups/" + credit + "/attendance", "{\"status\": \"present\"}")
                .text("attendance")).isEqualTo("present");
    }

    @Test
    void todaysMakeUpsAreOnTheDashboard() {
        UUID credit = credit(student, enrollment, lastMonday);
        UUID todaysSlot = school.slot(adaId, today.getDayOfWeek().getValue(), "06:00");
        owner.jdbc().sql("update makeup_credits set status = 'booked', booked_timeslot_id = :t, booked_date = :d where id = :c")
                .param("t", todaysSlot).param("d", today).param("c", credit).update();

        Answer dashboard = admin.get("/api/v1/admin/dashboard/today");
        assertThat(dashboard.json().path("lessons").get(0).path("make_up").asBoolean()).isTrue();
        assertThat(dashboard.json().path("lessons").get(0).path("student").asString()).isEqualTo("Kid");
    }

    @Test
    void closedDaysAndLessonsOutsideTheCreditsSemesterAreNotOffered() {
        String credit = mark(lastMonday, "cancelled_by_school").text("makeup_credit_id");
        owner.jdbc().sql("""
                        insert into closures (school_id, semester_id, start_date, end_date, reason)
                        values (:s, :m, :d, :d, 'Holiday')""")
                .param("s", school.id()).param("m", semester).param("d", nextTuesday).update();

        assertThat(parent.get("/api/v1/parent/makeups/slots?student_id=%s&from=%s&to=%s"
                .formatted(student, nextTuesday, nextTuesday)).json()).isEmpty();
        assertThat(book(credit, freeTuesdaySlot, nextTuesday).errorFields()).containsExactly("date");
        assertThat(book(credit, freeTuesdaySlot, today.plusDays(61).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)))
                .errorFields()).as("after the semester").containsExactly("date");
        assertThat(parent.get("/api/v1/parent/makeups/slots?student_id=%s&from=%s&to=%s"
                .formatted(student, today, today.plusDays(200))).errorFields()).containsExactly("to");
    }

    @Test
    void concurrentBookingsOfOneMakeUpLessonHaveOneWinner() throws Exception {
        UUID payee = UUID.fromString(parent.get("/api/v1/parent/payees/self").text("id"));
        List<UUID> creditsOfSiblings = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID sibling = school.student(payee, "Sibling " + i, piano);
            creditsOfSiblings.add(credit(sibling, enroll(sibling, mondaySlot, "yearly", "cancelled"), lastMonday));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(creditsOfSiblings.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (UUID credit : creditsOfSiblings) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return book(credit.toString(), freeTuesdaySlot, nextTuesday).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(creditsOfSiblings.size() - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(owner.jdbc().sql("select count(*) from makeup_credits where school_id = :s and status = 'booked'")
                .param("s", school.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void only24HoursOfElapsedTimeCountAcrossTheSpringForwardChange() {
        // Sunday 2030-03-10, clocks spring forward: a Sunday 10:00 lesson starts at 17:00Z
        LocalDate sunday = LocalDate.of(2030, 3, 10);
        UUID springTerm = owner.jdbc().sql("""
                        insert into semesters (school_id, name, start_date, end_date)
                        values (:s, 'Spring 2030', '2030-01-07', '2030-04-28') returning id""")
                .param("s", school.id()).query(UUID.class).single();
        UUID sundaySlot = school.slot(adaId, 7, "10:00");
        UUID sundays = owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date)
                        values (:s, :st, :slot, 'yearly', 'active', '2030-01-13') returning id""")
                .param("s", school.id()).param("st", school.student(school.payee("Dee Parent"), "Dee", piano))
                .param("slot", sundaySlot).query(UUID.class).single();

        assertThat(absenceReportedAt(sundays, sunday, "2030-03-09T18:00:00Z")).as("Saturday 10:00 PST: 23 hours").isEmpty();
        assertThat(absenceReportedAt(sundays, sunday.minusWeeks(1), "2030-03-02T17:00:00Z"))
                .as("the week before, 10:00 PST: 24 hours").isNotEmpty();
        assertThat(absenceReportedAt(sundays, sunday.plusWeeks(1), "2030-03-16T17:00:00Z"))
                .as("the week after, 10:00 PDT: 24 hours").isNotEmpty();
        assertThat(owner.jdbc().sql("select semester_id from makeup_credits where enrollment_id = :e limit 1")
                .param("e", sundays).query(UUID.class).single()).isEqualTo(springTerm);
    }

    @Test
    void familiesTeachersAndOtherFamiliesSeeOnlyWhatIsTheirs() {
        String credit = mark(lastMonday, "cancelled_by_school").text("makeup_credit_id");
        Session neighbour = api.as(school.signUp(api, "neighbour@families.test"));
        neighbour.post("/api/v1/parent/payees/self", "{\"name\": \"Neighbour\"}");

        assertThat(book(neighbour, credit, freeTuesdaySlot, nextTuesday).status()).isEqualTo(404);
        assertThat(neighbour.get("/api/v1/parent/makeups").json()).isEmpty();
        assertThat(neighbour.get("/api/v1/parent/makeups/slots?student_id=" + student).status()).isEqualTo(404);
        assertThat(parent.get("/api/v1/admin/makeups").status()).isEqualTo(403);
        assertThat(ada.get("/api/v1/admin/makeups").status()).isEqualTo(403);
        assertThat(ada.post("/api/v1/parent/makeups/book", "{}").status()).isEqualTo(403);

        TestSchool other = schools.create();
        Session otherAdmin = other.admin(api);
        assertThat(otherAdmin.get("/api/v1/admin/makeups").json()).isEmpty();
        assertThat(otherAdmin.get("/api/v1/admin/makeups?student_id=" + student).json()).isEmpty();
    }

    @Test
    void badRequestsNameTheirField() {
        assertThat(parent.post("/api/v1/parent/makeups/book", "{\"timeslot_id\": \"%s\", \"date\": \"%s\"}"
                .formatted(freeTuesdaySlot, nextTuesday)).errorFields()).containsExactly("makeup_id");
        assertThat(admin.get("/api/v1/admin/makeups?status=lost").status()).isEqualTo(400);
        String credit = mark(lastMonday, "cancelled_by_school").text("makeup_credit_id");
        assertThat(book(credit, UUID.randomUUID(), nextTuesday).errorFields()).containsExactly("timeslot_id");
        assertThat(book(credit, freeTuesdaySlot, nextTuesday.plusDays(1)).errorFields()).as("a Wednesday")
                .containsExactly("date");
    }

    private String absenceReportedAt(UUID enrollmentId, LocalDate day, String reportedAt) {
        owner.jdbc().sql("""
                        insert into attendance (school_id, enrollment_id, lesson_date, status, marked_by, reported_at)
                        values (:s, :e, :d, 'absent', 'dee@families.test', :at)""")
                .param("s", school.id()).param("e", enrollmentId).param("d", day)
                .param("at", java.sql.Timestamp.from(Instant.parse(reportedAt))).update();
        // the school confirms the family's message: the mark keeps when the absence was reported
        return admin.put("/api/v1/admin/attendance", """
                {"enrollment_id": "%s", "date": "%s", "status": "absent"}""".formatted(enrollmentId, day))
                .text("makeup_credit_id");
    }

    private Answer mark(LocalDate date, String status) {
        Answer answer = admin.put("/api/v1/admin/attendance", """
                {"enrollment_id": "%s", "date": "%s", "status": "%s"}""".formatted(enrollment, date, status));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer;
    }

    private Answer book(String credit, UUID timeslot, LocalDate date) {
        return book(parent, credit, timeslot, date);
    }

    private Answer book(Session who, String credit, UUID timeslot, LocalDate date) {
        return who.post("/api/v1/parent/makeups/book", """
                {"makeup_id": "%s", "timeslot_id": "%s", "date": "%s"}""".formatted(credit, timeslot, date));
    }

    private UUID enroll(UUID who, UUID slot, String plan, String status) {
        return owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date)
                        values (:s, :st, :slot, :plan, :status, :start) returning id""")
                .param("s", school.id()).param("st", who).param("slot", slot).param("plan", plan).param("status", status)
                .param("start", today.minusDays(30)).query(UUID.class).single();
    }

    private UUID credit(UUID who, UUID enrollmentId, LocalDate missed) {
        return owner.jdbc().sql("""
                        insert into makeup_credits (school_id, student_id, enrollment_id, semester_id, source_lesson_date,
                                                    status, expires_on)
                        values (:s, :st, :e, :m, :d, 'available', :x) returning id""")
                .param("s", school.id()).param("st", who).param("e", enrollmentId).param("m", semester)
                .param("d", missed).param("x", today.plusDays(60)).query(UUID.class).single();
    }

    private String status(UUID credit) {
        return owner.jdbc().sql("select status from makeup_credits where id = :c").param("c", credit)
                .query(String.class).single();
    }

    private long emails(String template) {
        return owner.jdbc().sql("select count(*) from email_log where school_id = :s and template = :t")
                .param("s", school.id()).param("t", template).query(Long.class).single();
    }
}
