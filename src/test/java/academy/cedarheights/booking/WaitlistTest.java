package academy.cedarheights.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.tenancy.TenantContext;
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
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The waitlist: a freed slot goes to the longest-waiting family whose wish it fits, held for it (nobody else can book
 * it, the public sees it taken) until it accepts, declines or the offer runs out, then to the next, then to everyone.
 * Frees, accepts and bookings racing for one slot have one winner; every offer and outcome is audited.
 */
@IntegrationTest
class WaitlistTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @Autowired Offers offers;
    @Autowired TransactionTemplate transaction;

    TestSchool school;
    Session admin;
    LocalDate today;
    int weekday;
    UUID piano;
    UUID guitar;
    UUID ada;
    UUID slot;

    @BeforeEach
    void aSchoolWithAFullSlot() {
        school = schools.create();
        today = LocalDate.now(VANCOUVER);
        school.inTerm(today);
        piano = school.instrument("Piano");
        guitar = school.instrument("Guitar");
        ada = school.teacher("Ada Keys", true, piano);
        weekday = today.plusDays(3).getDayOfWeek().getValue();
        slot = school.slot(ada, weekday, "16:00");
        admin = school.admin(api);
    }

    @Test
    void aFreedSlotIsHeldForTheFirstMatchingFamilyThenTheNextThenOpensToAll() {
        Family holder = family("holder");
        String holding = holder.bookAndActivate("Held", piano);
        Family first = family("first");
        Family second = family("second");
        Family guitarist = family("guitar");
        Family evenings = family("evening");
        assertThat(first.wait(first.child("Ann", piano), "\"weekdays\": [%d]".formatted(weekday)).text("place")).isEqualTo("1");
        assertThat(second.wait(second.child("Bo", piano), "\"teacher_id\": \"%s\"".formatted(ada)).text("place"))
                .isEqualTo("2");
        assertThat(guitarist.wait(guitarist.child("Cy", guitar), null).status()).isEqualTo(201);
        assertThat(evenings.wait(evenings.child("Di", piano), "\"earliest\": \"17:00\"").status()).isEqualTo(201);

        assertThat(holder.session.post("/api/v1/parent/bookings/" + holding + "/cancel", "").status()).isEqualTo(200);

        JsonNode offer = first.onlyOffer();
        assertThat(offer.path("timeslot_id").asString()).isEqualTo(slot.toString());
        assertThat(Instant.parse(offer.path("expires_at").asString()))
                .isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS), within(2, ChronoUnit.MINUTES));
        Mailbox.Mail email = Mailbox.latest(first.email, "/parent/offers/");
        assertThat(email.subject()).startsWith("A slot for Ann:").contains("with Ada Keys");
        assertThat(email.link("/parent/offers/")).endsWith("/parent/offers/" + offer.path("id").asString());
        assertThat(available(slot)).as("held for the family offered it").isFalse();
        Answer stranger = second.book(second.child("Eve", piano), slot);
        assertThat(stranger.status()).as("nobody else books it, not even the next in line").isEqualTo(409);
        assertThat(stranger.body()).contains("waitlist");

        assertThat(first.session.post("/api/v1/parent/offers/" + offer.path("id").asString() + "/decline", "").status())
                .isEqualTo(200);
        JsonNode passed = second.onlyOffer();
        assertThat(passed.path("timeslot_id").asString()).isEqualTo(slot.toString());
        assertThat(first.session.get("/api/v1/parent/offers").json().size()).isZero();
        assertThat(first.session.get("/api/v1/parent/waitlist").json().path(0).path("status").asString())
                .as("still in line for other slots").isEqualTo("waiting");

        owner.jdbc().sql("update waitlist_offers set expires_at = now() - interval '1 minute' where id = cast(:id as uuid)")
                .param("id", passed.path("id").asString()).update();
        assertThat(available(slot)).as("an offer past its end holds nothing").isTrue();
        sweep();

        assertThat(second.session.get("/api/v1/parent/offers").json().size()).isZero();
        assertThat(available(slot)).as("nobody left whose wish it fits: open to all").isTrue();
        assertThat(audited()).as("in one transaction an outcome and the next offer share a moment")
                .containsExactlyInAnyOrder("waitlist.offered", "waitlist.declined", "waitlist.offered", "waitlist.expired");
    }

    @Test
    void acceptingAnOfferBooksTheSlotWhileABookingRacingItLoses() {
        Family holder = family("holder");
        String holding = holder.bookAndActivate("Held", piano);
        Family waiting = family("waiting");
        waiting.session.post("/api/v1/parent/payees/self", "{\"name\": \"Wendy Waiting\", \"phone\": \"+1 604 555 0123\"}");
        waiting.wait(waiting.child("Ann", piano), null);
        Family racer = family("racer");
        String racersChild = racer.child("Rex", piano);
        holder.session.post("/api/v1/parent/bookings/" + holding + "/cancel", "");
        String offer = waiting.onlyOffer().path("id").asString();
        assertThat(owner.jdbc().sql("select body from text_messages where school_id = :s and recipient = '+16045550123'")
                .param("s", school.id()).query(String.class).list())
                .as("texted too, as the family accepts texts").singleElement()
                .satisfies(text -> assertThat(text).contains("/parent/offers/" + offer).contains("Reply STOP"));

        List<Integer> statuses = Race.of(List.of(
                () -> waiting.session.post("/api/v1/parent/offers/" + offer + "/accept", "{\"billing_plan\": \"monthly\"}")
                        .status(),
                () -> racer.book(racersChild, slot).status()));

        assertThat(statuses).containsExactly(202, 409);
        assertThat(holders(slot)).containsExactly("Ann");
        assertThat(waiting.session.post("/api/v1/parent/offers/" + offer + "/accept", "{\"billing_plan\": \"monthly\"}")
                .status()).as("once").isEqualTo(409);
        assertThat(waiting.session.get("/api/v1/parent/waitlist").json().path(0).path("status").asString())
                .isEqualTo("booked");
        assertThat(audited()).containsExactlyInAnyOrder("waitlist.offered", "waitlist.accepted");
    }

    @Test
    void twoSlotsFreedAtOnceGoToTwoFamiliesOneEach() {
        UUID other = school.slot(ada, weekday, "17:00");
        Family one = family("one");
        Family two = family("two");
        String first = one.bookAndActivate("Uno", piano);
        String second = two.bookAndActivate("Dos", piano, other);
        Family ann = family("ann");
        Family bo = family("bo");
        ann.wait(ann.child("Ann", piano), null);
        bo.wait(bo.child("Bo", piano), null);

        List<Integer> statuses = Race.of(List.of(
                () -> one.session.post("/api/v1/parent/bookings/" + first + "/cancel", "").status(),
                () -> two.session.post("/api/v1/parent/bookings/" + second + "/cancel", "").status()));

        assertThat(statuses).containsOnly(200);
        // a free that found the first family's wish already offered passes to the next; the sweep catches any left
        sweep();
        String annsSlot = ann.onlyOffer().path("timeslot_id").asString();
        String bosSlot = bo.onlyOffer().path("timeslot_id").asString();
        assertThat(List.of(annsSlot, bosSlot)).containsExactlyInAnyOrder(slot.toString(), other.toString());
    }

    @Test
    void theSchoolReordersTheLineAndTheNewFirstIsOfferedTheNextSlot() {
        Family holder = family("holder");
        String holding = holder.bookAndActivate("Held", piano);
        Family ann = family("ann");
        Family bo = family("bo");
        String annsEntry = ann.wait(ann.child("Ann", piano), null).text("id");
        String bosEntry = bo.wait(bo.child("Bo", piano), null).text("id");

        Answer reordered = admin.put("/api/v1/admin/waitlist/" + bosEntry + "/position", "{\"position\": 1}");

        assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
        assertThat(reordered.json().valueStream().map(entry -> entry.path("id").asString()).toList())
                .containsExactly(bosEntry, annsEntry);
        assertThat(admin.get("/api/v1/admin/waitlist").json().path(0).path("family_name").asString()).isNotBlank();
        assertThat(admin.put("/api/v1/admin/waitlist/" + bosEntry + "/position", "{\"position\": 9}").status())
                .isEqualTo(400);
        holder.session.post("/api/v1/parent/bookings/" + holding + "/cancel", "");
        assertThat(bo.onlyOffer().path("timeslot_id").asString()).isEqualTo(slot.toString());
        assertThat(ann.session.get("/api/v1/parent/offers").json().size()).isZero();
    }

    @Test
    void aSlotTheSchoolOpensIsOfferedAtOnceToAFamilyWaitingForIt() {
        Family pat = family("pat");
        pat.wait(pat.child("Ann", piano), "\"earliest\": \"17:00\", \"latest\": \"18:00\"");
        Answer early = admin.post("/api/v1/admin/timeslots", """
                {"teacher_id": "%s", "weekday": %d, "start_time": "12:00", "end_time": "12:30", "active": true}"""
                .formatted(ada, weekday));
        assertThat(early.status()).isEqualTo(201);
        assertThat(pat.session.get("/api/v1/parent/offers").json().size()).as("outside the wish's hours").isZero();

        Answer opened = admin.post("/api/v1/admin/timeslots", """
                {"teacher_id": "%s", "weekday": %d, "start_time": "17:00", "end_time": "17:30", "active": true}"""
                .formatted(ada, weekday));

        assertThat(opened.status()).isEqualTo(201);
        assertThat(pat.onlyOffer().path("timeslot_id").asString()).isEqualTo(opened.text("id"));
        assertThat(available(UUID.fromString(opened.text("id")))).isFalse();
    }

    @Test
    void aWishIsRefusedNamingWhy() {
        Family pat = family("pat");
        Family other = family("other");
        String kid = pat.child("Kid", piano);
        UUID bassist = school.teacher("Ben Bass", true, school.instrument("Bass"));

        assertThat(pat.wait(other.child("Not mine", piano), null).status()).isEqualTo(404);
        assertProblem(pat.wait(kid, "\"instrument_id\": \"%s\"".formatted(guitar)), 400, "instrument_id");
        assertProblem(pat.wait(kid, "\"teacher_id\": \"%s\"".formatted(bassist)), 400, "teacher_id");
        assertProblem(pat.wait(kid, "\"earliest\": \"18:00\", \"latest\": \"17:00\""), 400, "latest");
        assertProblem(pat.wait(kid, "\"weekdays\": [8]"), 400, "weekdays");
        assertThat(pat.wait(kid, null).status()).isEqualTo(201);
        assertThat(pat.wait(kid, null).status()).as("one place per child").isEqualTo(409);
        String entry = pat.session.get("/api/v1/parent/waitlist").json().path(0).path("id").asString();
        assertThat(other.session.delete("/api/v1/parent/waitlist/" + entry).status()).isEqualTo(404);
        assertThat(pat.session.delete("/api/v1/parent/waitlist/" + entry).status()).isEqualTo(204);
        assertThat(pat.session.get("/api/v1/parent/waitlist").json().size()).isZero();
        assertThat(pat.session.post("/api/v1/parent/offers/" + UUID.randomUUID() + "/accept",
                "{\"billing_plan\": \"monthly\"}").status()).isEqualTo(404);
    }

    /** What the recurring job does for this school: offers past their end pass on, free slots are offered. */
    private void sweep() {
        TenantContext.runAs(school.id(), () -> transaction.executeWithoutResult(status -> {
            offers.expire(school.id());
            offers.offerFreeSlots(school.id());
        }));
    }

    private boolean available(UUID timeslot) {
        return api.get("/api/v1/public/timeslots?teacher_id=" + ada, school.header()).json().valueStream()
                .filter(node -> node.path("id").asString().equals(timeslot.toString()))
                .findFirst().orElseThrow().path("available").asBoolean();
    }

    private List<String> holders(UUID timeslot) {
        return owner.jdbc().sql("""
                        select st.name from enrollments e join students st on st.id = e.student_id
                         where e.timeslot_id = :t and e.status in ('provisional', 'active')""")
                .param("t", timeslot).query(String.class).list();
    }

    private List<String> audited() {
        return owner.jdbc().sql("""
                        select action from audit_log where school_id = :s and entity_type = 'waitlist_offer'
                         order by occurred_at, id""")
                .param("s", school.id()).query(String.class).list();
    }

    private static void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.body()).contains(field);
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

        String child(String name, UUID instrument) {
            return session.post("/api/v1/parent/students", """
                    {"name": "%s", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                    .formatted(name, today.minusYears(9), instrument)).text("id");
        }

        Answer wait(String child, String narrowing) {
            return session.post("/api/v1/parent/waitlist", "{\"student_id\": \"%s\"%s}"
                    .formatted(child, narrowing == null ? "" : ", " + narrowing));
        }

        Answer book(String child, UUID timeslot) {
            return session.post("/api/v1/parent/bookings", """
                    {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}""".formatted(child, timeslot));
        }

        String bookAndActivate(String child, UUID instrument) {
            return bookAndActivate(child, instrument, slot);
        }

        String bookAndActivate(String child, UUID instrument, UUID timeslot) {
            Answer booked = book(child(child, instrument), timeslot);
            assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
            UUID enrollment = owner.jdbc().sql("select id from enrollments where tracking_id = cast(:t as uuid)")
                    .param("t", booked.text("tracking_id")).query(UUID.class).single();
            assertThat(admin.post("/api/v1/admin/enrollments/" + enrollment + "/activate", "").status()).isEqualTo(200);
            return booked.text("tracking_id");
        }

        JsonNode onlyOffer() {
            JsonNode offers = session.get("/api/v1/parent/offers").json();
            assertThat(offers.size()).as(email + "'s offers: " + offers).isEqualTo(1);
            return offers.path(0);
        }
    }

}
