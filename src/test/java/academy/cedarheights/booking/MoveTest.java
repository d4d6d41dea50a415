package academy.cedarheights.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.Race;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Moving an enrollment to another slot: billing and paid lessons go on unchanged, lessons before the move stay where
 * they were given, the slot left is free from that day, everyone concerned reads where the lessons went — and every
 * door that should stay shut does, including two families racing for the same slots.
 */
@IntegrationTest
class MoveTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    TestSchool school;
    Session admin;
    LocalDate today;
    UUID piano;
    UUID ada;
    UUID ben;
    /** Ada's, three days ahead at 16:00. */
    UUID adaSlot;
    /** Ben's, four days ahead at 17:00 and 18:00. */
    UUID benSlot;
    UUID benLater;

    @BeforeEach
    void aSchoolWithTwoPianoTeachers() {
        school = schools.create();
        today = LocalDate.now(VANCOUVER);
        school.inTerm(today);
        piano = school.instrument("Piano");
        ada = school.teacher("Ada Keys", true, piano);
        ben = school.teacher("Ben Bass", true, piano);
        adaSlot = school.slot(ada, today.plusDays(3).getDayOfWeek().getValue(), "16:00");
        benSlot = school.slot(ben, today.plusDays(4).getDayOfWeek().getValue(), "17:00");
        benLater = school.slot(ben, today.plusDays(4).getDayOfWeek().getValue(), "18:00");
        admin = school.admin(api);
    }

    @Test
    void aFamilyMovesItsLessonsFromADateKeepingItsBillingAndItsPastLessonsWhereTheyWere() {
        Family pat = family("pat");
        String tracking = pat.bookAndActivate("Kid", adaSlot);
        JsonNode before = pat.session.get("/api/v1/parent/bookings/" + tracking + "/status").json();
        LocalDate leaving = today.plusDays(10);

        Answer moved = pat.session.post("/api/v1/parent/bookings/" + tracking + "/move",
                "{\"timeslot_id\": \"%s\", \"from_date\": \"%s\"}".formatted(benSlot, leaving));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.text("timeslot_id")).isEqualTo(benSlot.toString());
        assertThat(moved.text("previous_timeslot_id")).isEqualTo(adaSlot.toString());
        assertThat(moved.text("from_date")).isEqualTo(leaving.toString());
        assertThat(moved.text("first_lesson_date")).isEqualTo(today.plusDays(11).toString());
        JsonNode after = pat.session.get("/api/v1/parent/bookings/" + tracking + "/status").json();
        assertThat(after.path("enrollment_id")).isEqualTo(before.path("enrollment_id"));
        assertThat(after.path("status").asString()).isEqualTo("active");
        assertThat(after.path("timeslot_id").asString()).isEqualTo(benSlot.toString());
        assertThat(after.path("paid_through")).as("the same paid lessons").isEqualTo(before.path("paid_through"));

        assertThat(lessonsOf(today.plusDays(3))).as("the lesson before the move stays with Ada")
                .containsExactly("Kid with Ada Keys at 16:00");
        assertThat(lessonsOf(today.plusDays(4))).as("not yet with Ben").isEmpty();
        assertThat(lessonsOf(leaving)).as("Ada's slot is left from that day").isEmpty();
        assertThat(lessonsOf(today.plusDays(11))).containsExactly("Kid with Ben Bass at 17:00");

        Family sam = family("sam");
        Answer booked = sam.book("Sib", adaSlot);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        assertThat(booked.text("first_lesson_date")).as("the slot left is free from the day it is left")
                .isEqualTo(leaving.toString());

        String weekday = weekdays(today.plusDays(4));
        for (String recipient : List.of(pat.email, "ada.keys@" + school.slug() + ".test", "ben.bass@" + school.slug() + ".test")) {
            Mailbox.Mail mail = Mailbox.latest(recipient, "move");
            assertThat(mail.subject()).isEqualTo("Kid's lessons move to " + weekday + " at 5:00 p.m.");
            assertThat(mail.text()).contains("with Ada Keys to " + weekday + " at 5:00 p.m. with Ben Bass");
        }
        assertThat(Mailbox.latest(pat.email, "move").text()).contains("/parent");
        assertThat(Mailbox.latest("ben.bass@" + school.slug() + ".test", "move").text()).contains("/teacher");
    }

    @Test
    void bySchoolTheMoveStartsAtTheNextLessonAndIsAudited() {
        Family pat = family("pat");
        UUID enrollment = pat.enrollment(pat.bookAndActivate("Kid", adaSlot));

        Answer moved = admin.post("/api/v1/admin/enrollments/" + enrollment + "/move",
                "{\"timeslot_id\": \"%s\"}".formatted(benSlot));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.text("from_date")).as("the next lesson in the old slot").isEqualTo(today.plusDays(3).toString());
        assertThat(moved.text("first_lesson_date")).isEqualTo(today.plusDays(4).toString());
        assertThat(lessonsOf(today.plusDays(3))).isEmpty();
        assertThat(lessonsOf(today.plusDays(4))).containsExactly("Kid with Ben Bass at 17:00");
        assertThat(owner.jdbc().sql("""
                        select count(*) from audit_log where school_id = :s and action = 'enrollment.moved'
                           and entity_id = :e and actor like 'admin-%'""")
                .param("s", school.id()).param("e", enrollment.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMoveIsRefusedWhereItCannotGoNamingWhy() {
        Family pat = family("pat");
        String tracking = pat.bookAndActivate("Kid", adaSlot);
        Family sam = family("sam");
        String samsTracking = sam.bookAndActivate("Sib", benSlot);
        UUID guitarOnly = school.slot(school.teacher("Gus Strings", true, school.instrument("Guitar")),
                today.plusDays(5).getDayOfWeek().getValue(), "15:00");
        UUID longer = owner.jdbc().sql("""
                        insert into timeslots (school_id, teacher_id, weekday, start_time, end_time)
                        values (:s, :t, :w, '19:00', '19:45') returning id""")
                .param("s", school.id()).param("t", ben).param("w", today.plusDays(4).getDayOfWeek().getValue())
                .query(UUID.class).single();
        String move = "/api/v1/parent/bookings/" + tracking + "/move";

        assertThat(pat.session.post(move, body(benSlot)).status()).as("held by Sib").isEqualTo(409);
        assertProblem(pat.session.post(move, body(guitarOnly)), 400, "timeslot_id");
        assertThat(pat.session.post(move, body(longer)).status()).as("a lesson of another length").isEqualTo(409);
        assertProblem(pat.session.post(move, body(adaSlot)), 400, "timeslot_id");
        assertProblem(pat.session.post(move, "{\"timeslot_id\": \"%s\", \"from_date\": \"%s\"}"
                .formatted(benLater, today.minusDays(1))), 400, "from_date");
        assertProblem(pat.session.post(move, "{\"from_date\": \"%s\"}".formatted(today)), 400, "timeslot_id");
        assertThat(pat.session.post(move, body(UUID.randomUUID())).status()).isEqualTo(400);
        assertThat(pat.session.post("/api/v1/parent/bookings/" + samsTracking + "/move", body(benLater)).status())
                .as("another family's booking").isEqualTo(404);

        assertThat(pat.session.post(move, "{\"timeslot_id\": \"%s\", \"from_date\": \"%s\"}"
                .formatted(benLater, today.plusDays(10))).status()).isEqualTo(200);
        assertThat(pat.session.post(move, body(adaSlot)).status()).as("one move at a time").isEqualTo(409);
        assertThat(holderOf(adaSlot)).isNull();
        assertThat(holderOf(benLater)).isEqualTo("Kid");
    }

    @Test
    void twoFamiliesSwappingSlotsAtTheSameMomentEachFindTheOtherSlotHeldAndNothingDeadlocks() {
        Family pat = family("pat");
        Family sam = family("sam");
        String pats = pat.bookAndActivate("Kid", adaSlot);
        String sams = sam.bookAndActivate("Sib", benSlot);

        for (int round = 0; round < 5; round++) {
            List<Integer> statuses = Race.of(List.of(
                    () -> pat.session.post("/api/v1/parent/bookings/" + pats + "/move", body(benSlot)).status(),
                    () -> sam.session.post("/api/v1/parent/bookings/" + sams + "/move", body(adaSlot)).status()));
            assertThat(statuses).containsOnly(409);
        }
        assertThat(holderOf(adaSlot)).isEqualTo("Kid");
        assertThat(holderOf(benSlot)).isEqualTo("Sib");
    }

    @Test
    void twoMovesAndABookingRacingForOneFreeSlotHaveOneWinner() {
        Family pat = family("pat");
        Family sam = family("sam");
        Family lee = family("lee");
        String pats = pat.bookAndActivate("Kid", adaSlot);
        String sams = sam.bookAndActivate("Sib", benSlot);
        String lees = lee.child("Tot");

        List<Integer> statuses = Race.of(List.of(
                () -> pat.session.post("/api/v1/parent/bookings/" + pats + "/move", body(benLater)).status(),
                () -> sam.session.post("/api/v1/parent/bookings/" + sams + "/move", body(benLater)).status(),
                () -> lee.session.post("/api/v1/parent/bookings", """
                        {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}""".formatted(lees, benLater))
                        .status()));

        assertThat(statuses).containsOnlyOnce(statuses.contains(202) ? 202 : 200).doesNotContain(500);
        assertThat(statuses.stream().filter(status -> status == 409).count()).isEqualTo(2);
        assertThat(owner.jdbc().sql("""
                        select count(*) from enrollments where timeslot_id = :t and status in ('provisional', 'active')""")
                .param("t", benLater).query(Long.class).single()).isEqualTo(1);
        assertThat(holderOf(adaSlot) != null || holderOf(benSlot) != null).as("the losers kept their own").isTrue();
    }

    private List<String> lessonsOf(LocalDate day) {
        return admin.get("/api/v1/admin/attendance?date=" + day).json().valueStream()
                .map(lesson -> lesson.path("student_name").asString() + " with " + lesson.path("teacher_name").asString()
                        + " at " + lesson.path("start_time").asString())
                .toList();
    }

    private String holderOf(UUID slot) {
        return owner.jdbc().sql("""
                        select st.name from enrollments e join students st on st.id = e.student_id
                         where e.timeslot_id = :t and e.status in ('provisional', 'active')""")
                .param("t", slot).query(String.class).optional().orElse(null);
    }

    private static String body(UUID slot) {
        return "{\"timeslot_id\": \"%s\"}".formatted(slot);
    }

    private static void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.body()).contains(field);
    }

    private static String weekdays(LocalDate day) {
        String name = day.getDayOfWeek().toString();
        return name.charAt(0) + name.substring(1).toLowerCase() + "s";
    }

    private Family family(String name) {
        String email = name + "@" + school.slug() + ".test";
        return new Family(email, api.as(school.signUp(api, email)));
    }

    private final class Family {
        final String email;
        final Session session;

        Family(String email, Session session) {
            this.email = email;
            this.session = session;
        }

        String child(String name) {
            return session.post("/api/v1/parent/students", """
                    {"name": "%s", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                    .formatted(name, today.minusYears(9), piano)).text("id");
        }

        Answer book(String child, UUID slot) {
            return session.post("/api/v1/parent/bookings", """
                    {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}""".formatted(child(child), slot));
        }

        /** Booked by the family, activated by the school (paid in person). */
        String bookAndActivate(String child, UUID slot) {
            Answer booked = book(child, slot);
            assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
            String tracking = booked.text("tracking_id");
            assertThat(admin.post("/api/v1/admin/enrollments/" + enrollment(tracking) + "/activate", "").status())
                    .isEqualTo(200);
            return tracking;
        }

        UUID enrollment(String tracking) {
            return owner.jdbc().sql("select id from enrollments where tracking_id = cast(:t as uuid)")
                    .param("t", tracking).query(UUID.class).single();
        }
    }

}
