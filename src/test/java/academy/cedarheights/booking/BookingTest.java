package academy.cedarheights.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Race;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Booking through HTTP with the simulated gateway: holds, races, idempotency, cards, cancellation, expiry. */
@IntegrationTest
class BookingTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @Autowired HoldExpiry expiry;
    @Autowired TransactionTemplate transaction;

    TestSchool school;
    UUID piano;
    UUID teacher;
    UUID slot;
    Session parent;
    LocalDate today;

    @BeforeEach
    void aSchoolInTermWithAFamily() {
        school = schools.create();
        today = LocalDate.now(VANCOUVER);
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", today.minusDays(10)).param("b", today.plusDays(90)).update();
        piano = school.instrument("piano");
        teacher = school.teacher("Ada Keys", true, piano);
        slot = school.slot(teacher, today.plusDays(3).getDayOfWeek().getValue(), "16:00");
        parent = family("pat@families.test");
    }

    @Test
    void aBookingHoldsTheSlotUntilACardActivatesIt() {
        String student = child(parent, "Kid");
        Answer booked = book(parent, student, slot, "monthly", null);

        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        assertThat(booked.text("status")).isEqualTo("provisional");
        assertThat(booked.text("first_lesson_date")).isEqualTo(today.plusDays(3).toString());
        assertThat(Instant.parse(booked.text("provisional_expires_at")))
                .isCloseTo(Instant.now().plus(14, ChronoUnit.DAYS), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        String tracking = booked.text("tracking_id");
        await().atMost(Duration.ofSeconds(10)).until(() -> emails("provisional_notice") == 1);
        JsonNode status = parent.get("/api/v1/parent/bookings/" + tracking + "/status").json();
        assertThat(status.path("next_action").path("type").asString()).isEqualTo("add_payment_method");
        assertThat(status.path("failure_reason").asString()).isEqualTo("no payment method on file");
        assertThat(publicAvailability(slot)).isFalse();

        Instant cardAdded = addSimulatedCard(parent);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> parent.get("/api/v1/parent/bookings/" + tracking + "/status").text("status").equals("active"));
        assertThat(Duration.between(cardAdded, Instant.now())).isLessThan(Duration.ofSeconds(2));
        JsonNode active = parent.get("/api/v1/parent/bookings/" + tracking + "/status").json();
        assertThat(active.path("next_action").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> emails("booking_confirmation") == 1);
        assertThat(emails("provisional_notice")).as("asked for a card once").isEqualTo(1);
    }

    @Test
    void aClosureAddedBetweenTwoBookingsMovesTheSecondOnesFirstLesson() {
        UUID later = school.slot(teacher, today.plusDays(3).getDayOfWeek().getValue(), "17:00");
        Answer before = book(parent, child(parent, "First"), slot, "monthly", null);
        assertThat(before.text("first_lesson_date")).isEqualTo(today.plusDays(3).toString());

        // written past the application, as any writer (another instance, a migration) might: the calendar's
        // version in the database, not this instance's memory, decides
        owner.jdbc().sql("""
                        insert into closures (school_id, semester_id, start_date, end_date, reason)
                        select school_id, id, :day, :day, 'Snow day' from semesters where school_id = :s""")
                .param("s", school.id()).param("day", today.plusDays(3)).update();

        Answer after = book(parent, child(parent, "Second"), later, "monthly", null);
        assertThat(after.text("first_lesson_date")).isEqualTo(today.plusDays(10).toString());
    }

    @Test
    void twentyConcurrentBookingsOfOneSlotHoldItOnce() throws Exception {
        // two families of ten (a family has at most ten children)
        Session other = family("kim@families.test");
        List<Callable<Integer>> bookings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Session family = i % 2 == 0 ? parent : other;
            String student = child(family, "Kid " + i);
            bookings.add(() -> book(family, student, slot, "monthly", null).status());
        }
        List<Integer> statuses = Race.of(bookings);

        assertThat(statuses.stream().filter(s -> s == 202).count()).isEqualTo(1);
        assertThat(statuses).containsOnly(202, 409);
        assertThat(holders(slot)).isEqualTo(1);
    }

    @Test
    void aStudentRacingForTwoSlotsGetsOne() throws Exception {
        UUID other = school.slot(teacher, today.plusDays(4).getDayOfWeek().getValue(), "17:00");
        String student = child(parent, "Racer");
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID target = i % 2 == 0 ? slot : other;
            requests.add(() -> book(parent, student, target, "semester", null).status());
        }
        List<Integer> statuses = Race.of(requests);

        assertThat(statuses.stream().filter(s -> s == 202).count()).isEqualTo(1);
        assertThat(statuses).containsOnly(202, 409);
    }

    @Test
    void theSameIdempotencyKeyGetsTheFirstAnswer() {
        String student = child(parent, "Kid");
        Answer first = book(parent, student, slot, "monthly", "key-123");
        Answer again = book(parent, student, slot, "monthly", "key-123");
        Answer different = book(parent, student, slot, "yearly", "key-123");

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.text("tracking_id")).isEqualTo(first.text("tracking_id"));
        assertThat(different.status()).isEqualTo(409);
        assertThat(holders(slot)).isEqualTo(1);
    }

    @Test
    void aFamilySeesItsOwnPaymentMethodOnceAddedAndNoOneElses() {
        child(parent, "Kid");
        Session neighbour = family("neighbour@families.test");
        child(neighbour, "Other");
        Answer none = parent.get("/api/v1/parent/payment-method");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.text("detail")).contains("No payment method");
        String checkout = URI.create(parent.post("/api/v1/parent/payment-method/setup", "").text("url")).getPath();
        Answer unknownNumber = api.send(HttpRequest.newBuilder(api.uri(checkout))
                .POST(HttpRequest.BodyPublishers.ofString("card_number=4111+1111+1111+1111")),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(unknownNumber.status()).isEqualTo(400);
        assertThat(unknownNumber.body()).contains("must be one of the test cards").contains("aria-invalid=\"true\"");
        assertThat(parent.get("/api/v1/parent/payment-method").status()).as("nothing was added").isEqualTo(404);

        addSimulatedCard(parent);

        await().atMost(Duration.ofSeconds(15)).until(() -> parent.get("/api/v1/parent/payment-method").json()
                .path("last4").asString("").equals("4242"));
        Answer card = parent.get("/api/v1/parent/payment-method");
        assertThat(card.text("type")).isEqualTo("card");
        assertThat(card.text("brand")).isEqualTo("visa");
        assertThat(card.json().path("exp_year").asInt()).isGreaterThan(today.getYear());
        assertThat(card.json().has("bank_name")).isFalse();
        assertThat(neighbour.get("/api/v1/parent/payment-method").status()).as("theirs is theirs").isEqualTo(404);
    }

    @Test
    void aSlotMustFitTheChildItsTeachersInstrumentAndAnAgeTheSchoolTeaches() {
        UUID guitar = school.instrument("guitar");
        String guitarist = parent.post("/api/v1/parent/students", """
                {"name": "Strummer", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(today.minusYears(9), guitar)).text("id");
        Answer wrongTeacher = book(parent, guitarist, slot, "monthly", null);
        assertThat(wrongTeacher.status()).isEqualTo(400);
        assertThat(wrongTeacher.errorFields()).containsExactly("timeslot_id");

        String almostNineteen = parent.post("/api/v1/parent/students", """
                {"name": "Senior", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(today.minusYears(19).plusDays(2), piano)).text("id");
        Answer tooOld = book(parent, almostNineteen, slot, "monthly", null);
        assertThat(tooOld.errorFields()).as("19 by the first lesson, three days ahead").containsExactly("student_id");
        assertThat(holders(slot)).as("nothing held").isZero();
    }

    @Test
    void badBookingsAreRefusedClearly() {
        String student = child(parent, "Kid");
        Session neighbour = family("neighbour@families.test");
        String theirs = child(neighbour, "Not yours");

        assertThat(book(parent, theirs, slot, "monthly", null).status()).as("another family's child").isEqualTo(404);
        assertThat(book(parent, student, UUID.randomUUID(), "monthly", null).status()).isEqualTo(404);
        Answer weekly = book(parent, student, slot, "weekly", null);
        assertThat(weekly.errorFields()).containsExactly("billing_plan");
        assertThat(weekly.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must be one of monthly, semester, yearly");
        assertThat(parent.post("/api/v1/parent/bookings", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly", "start_date": "%s"}"""
                .formatted(student, slot, today.minusDays(1))).errorFields()).containsExactly("start_date");
        Answer tooFar = parent.post("/api/v1/parent/bookings", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly", "start_date": "%s"}"""
                .formatted(student, slot, today.plusDays(61)));
        assertThat(tooFar.errorFields()).containsExactly("start_date");
        assertThat(tooFar.json().path("errors").get(0).path("message").asString()).isEqualTo("must be at most 60 days ahead");
    }

    @Test
    void aCancelledBookingFreesTheSlot() {
        String tracking = book(parent, child(parent, "Kid"), slot, "monthly", null).text("tracking_id");

        Answer cancelled = parent.post("/api/v1/parent/bookings/" + tracking + "/cancel", "");
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(publicAvailability(slot)).isTrue();
        assertThat(parent.post("/api/v1/parent/bookings/" + tracking + "/cancel", "").status()).isEqualTo(409);
        assertThat(family("other@families.test").get("/api/v1/parent/bookings/" + tracking + "/status").status())
                .as("another family's tracking id").isEqualTo(404);
    }

    @Test
    void aSemesterPlanIsChargedForTheLessonsLeft() {
        addSimulatedCard(parent);
        String tracking = book(parent, child(parent, "Kid"), slot, "semester", null).text("tracking_id");

        await().atMost(Duration.ofSeconds(5)).until(() ->
                parent.get("/api/v1/parent/bookings/" + tracking + "/status").text("status").equals("active"));
        await().atMost(Duration.ofSeconds(10)).until(() -> emails("booking_confirmation") == 1);
        long lessons = today.plusDays(3).datesUntil(today.plusDays(91), java.time.Period.ofWeeks(1)).count();
        String model = owner.jdbc().sql("select model::text from email_log where school_id = :s and template = 'booking_confirmation'")
                .param("s", school.id()).query(String.class).single();
        assertThat(model).contains("\"amount\": " + lessons * 3500);
    }

    @Test
    void anAdminEnrollsWithBillingOutsideStripeAndCancels() {
        var admin = school.admin(api);
        String student = child(parent, "Kid");

        Answer enrolled = admin.post("/api/v1/admin/enrollments", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "yearly", "activate": true}""".formatted(student, slot));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        assertThat(enrolled.text("status")).isEqualTo("active");
        assertThat(admin.get("/api/v1/admin/enrollments?status=active&teacher_id=" + teacher).json().path("total").asLong())
                .isEqualTo(1);
        assertThat(admin.post("/api/v1/admin/enrollments", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "yearly"}""".formatted(student, slot)).status())
                .isEqualTo(409);

        Answer cancelled = admin.post("/api/v1/admin/enrollments/" + enrolled.text("enrollment_id") + "/cancel",
                "{\"reason\": \"moved away\"}");
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(publicAvailability(slot)).isTrue();
    }

    @Test
    void anAdminActivatesAHoldTheFamilyPaysOutsideStripe() {
        var admin = school.admin(api);
        Answer held = book(parent, child(parent, "Kid"), slot, "monthly", null);
        String enrollment = held.text("enrollment_id");

        Answer activated = admin.post("/api/v1/admin/enrollments/" + enrollment + "/activate", "");
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(activated.text("status")).isEqualTo("active");
        assertThat(parent.get("/api/v1/parent/bookings/" + held.text("tracking_id") + "/status").text("status"))
                .isEqualTo("active");
        assertThat(admin.post("/api/v1/admin/enrollments/" + enrollment + "/activate", "").status())
                .as("already active").isEqualTo(409);
        assertThat(parent.post("/api/v1/admin/enrollments/" + enrollment + "/activate", "").status()).isEqualTo(403);
        assertThat(owner.jdbc().sql("select count(*) from audit_log where school_id = :s and entity_id = :e")
                .param("s", school.id()).param("e", enrollment).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anExpiredHoldFreesTheSlotOnceAndTellsTheAdmins() {
        school.allowAdmin("owner@school.test");
        String tracking = book(parent, child(parent, "Kid"), slot, "monthly", null).text("tracking_id");
        // let the billing job finish with the hold first: a sweep skips rows another transaction has locked
        await().atMost(Duration.ofSeconds(10)).until(() -> emails("provisional_notice") == 1);
        owner.jdbc().sql("update enrollments set provisional_expires_at = now() - interval '1 minute' where tracking_id = :t")
                .param("t", UUID.fromString(tracking)).update();

        int first = TenantContext.callAs(school.id(), () -> transaction.execute(status -> expiry.expire(school.id())));
        int second = TenantContext.callAs(school.id(), () -> transaction.execute(status -> expiry.expire(school.id())));

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(parent.get("/api/v1/parent/bookings/" + tracking + "/status").text("status")).isEqualTo("expired");
        assertThat(publicAvailability(slot)).isTrue();
        assertThat(emails("admin_alert")).isEqualTo(1);
    }

    private Session family(String email) {
        Session session = api.as(school.signUp(api, email));
        return session;
    }

    private String child(Session family, String name) {
        return family.post("/api/v1/parent/students", """
                {"name": "%s", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(name, today.minusYears(9), piano)).text("id");
    }

    private Answer book(Session family, String student, UUID timeslot, String plan, String idempotencyKey) {
        String body = """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "%s"}""".formatted(student, timeslot, plan);
        if (idempotencyKey == null) {
            return family.post("/api/v1/parent/bookings", body);
        }
        return api.send(HttpRequest.newBuilder(api.uri("/api/v1/parent/bookings")).POST(HttpRequest.BodyPublishers.ofString(body)),
                "Authorization", "Bearer " + family.token(), "Content-Type", "application/json", "Idempotency-Key", idempotencyKey);
    }

    private Instant addSimulatedCard(Session family) {
        String setup = family.post("/api/v1/parent/payment-method/setup", "").text("url");
        assertThat(setup).as("a page of the provider, absolute as Stripe Checkout's is").startsWith("http://");
        String url = URI.create(setup).getPath();
        assertThat(api.get(url).body()).contains("Add test card");
        Instant clicked = Instant.now();
        Answer added = api.send(HttpRequest.newBuilder(api.uri(url)).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(added.status()).isEqualTo(200);
        return clicked;
    }

    private boolean publicAvailability(UUID timeslot) {
        return api.get("/api/v1/public/timeslots?teacher_id=" + teacher, school.header()).json().valueStream()
                .filter(node -> node.path("id").asString().equals(timeslot.toString()))
                .findFirst().orElseThrow().path("available").asBoolean();
    }

    private long holders(UUID timeslot) {
        return owner.jdbc().sql("select count(*) from enrollments where timeslot_id = :t and status in ('provisional', 'active')")
                .param("t", timeslot).query(Long.class).single();
    }

    private long emails(String template) {
        return owner.jdbc().sql("select count(*) from email_log where school_id = :s and template = :t")
                .param("s", school.id()).param("t", template).query(Long.class).single();
    }

}
