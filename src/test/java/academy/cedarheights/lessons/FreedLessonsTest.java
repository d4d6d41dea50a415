package academy.cedarheights.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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

/**
 * A lesson freed by a reported absence is a make-up lesson for families holding a credit it can take: they hear of it
 * (once a day at most), the first to book it has it, a booked make-up can be cancelled a day ahead for its credit back,
 * and a make-up racing a weekly booking for one lesson never gives it twice.
 */
@IntegrationTest
class FreedLessonsTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.CANADA);

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    TestSchool school;
    LocalDate today;
    LocalDate lessonDay;
    UUID semester;
    UUID piano;
    UUID ada;
    UUID slot;
    UUID otherSlot;

    @BeforeEach
    void aSchoolWithAFullSlot() {
        school = schools.create();
        today = LocalDate.now(VANCOUVER);
        lessonDay = today.plusDays(3);
        semester = owner.jdbc().sql("""
                        insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)
                        returning id""")
                .param("s", school.id()).param("a", today.minusDays(10)).param("b", today.plusDays(90))
                .query(UUID.class).single();
        piano = school.instrument("Piano");
        ada = school.teacher("Ada Keys", true, piano);
        slot = school.slot(ada, lessonDay.getDayOfWeek().getValue(), "16:00");
        otherSlot = school.slot(school.teacher("Ben Bass", true, piano), today.plusDays(5).getDayOfWeek().getValue(), "17:00");
    }

    @Test
    void anAbsenceFreesTheLessonForCreditHoldersFirstBookingWinsAndACancelGivesTheCreditBack() {
        Family absent = family("absent");
        String absentsEnrollment = absent.enrolled("Al", piano, slot);
        Family bea = family("bea");
        UUID beasCredit = bea.credit("Bea", piano);
        Family cy = family("cy");
        UUID cysCredit = cy.credit("Cy", piano);
        Family gus = family("gus");
        gus.credit("Gus", school.instrument("Guitar"));

        assertThat(bea.freeOn(lessonDay)).as("the slot is held weekly").isFalse();
        assertThat(absent.session.post("/api/v1/parent/absences", """
                {"enrollment_id": "%s", "date": "%s"}""".formatted(absentsEnrollment, lessonDay)).status()).isEqualTo(201);

        assertThat(bea.freeOn(lessonDay)).as("freed by the absence").isTrue();
        UUID al = owner.jdbc().sql("select student_id from enrollments where id = cast(:e as uuid)")
                .param("e", absentsEnrollment).query(UUID.class).single();
        absent.creditFor(al);
        assertThat(absent.freeOn(lessonDay, al)).as("not for the pupil whose lesson it is").isFalse();
        for (Family told : List.of(bea, cy)) {
            Mailbox.Mail offer = Mailbox.latest(told.email, "/parent/makeups");
            assertThat(offer.subject()).startsWith("A make-up lesson is free for")
                    .endsWith(lessonDay.format(LONG_DATE) + " at 4:00 p.m.");
            assertThat(offer.text()).contains("Ada Keys").contains("first family to book");
        }
        assertThat(templatesTo(gus.email)).as("a guitar credit cannot take a piano lesson").doesNotContain("make_up_offer");
        assertThat(templatesTo(absent.email)).doesNotContain("make_up_offer");

        List<Integer> statuses = Race.of(List.of(() -> bea.book(beasCredit, slot, lessonDay).status(),
                () -> cy.book(cysCredit, slot, lessonDay).status()));
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        UUID winner = statuses.get(0) == 201 ? beasCredit : cysCredit;
        Family winning = statuses.get(0) == 201 ? bea : cy;
        Family losing = statuses.get(0) == 201 ? cy : bea;
        assertThat(losing.freeOn(lessonDay)).isFalse();

        String second = absent.enrolled("Sib", piano, otherSlot);
        absent.session.post("/api/v1/parent/absences", """
                {"enrollment_id": "%s", "date": "%s"}""".formatted(second, today.plusDays(5)));
        assertThat(templatesTo(losing.email)).as("once a day at most").filteredOn("make_up_offer"::equals).hasSize(1);

        Answer cancelled = winning.session.post("/api/v1/parent/makeups/" + winner + "/cancel", "");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("available");
        assertThat(losing.freeOn(lessonDay)).as("free again for the others").isTrue();
    }

    @Test
    void aMakeUpCannotBeCancelledWithinADayOfItsLessonNorByAnotherFamily() {
        Family bea = family("bea");
        UUID credit = bea.credit("Bea", piano);
        owner.jdbc().sql("""
                        update makeup_credits set status = 'booked', booked_timeslot_id = :t, booked_date = :d where id = :c""")
                .param("t", otherSlot).param("d", today).param("c", credit).update();
        Family other = family("other");

        assertThat(other.session.post("/api/v1/parent/makeups/" + credit + "/cancel", "").status()).isEqualTo(404);
        Answer late = bea.session.post("/api/v1/parent/makeups/" + credit + "/cancel", "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("24 hours");
    }

    @Test
    void aMakeUpAndAWeeklyBookingRacingForOneLessonNeverBothHaveIt() {
        LocalDate day = today.plusDays(4);
        for (String time : List.of("13:00", "14:00", "15:00")) {
            UUID free = school.slot(ada, day.getDayOfWeek().getValue(), time);
            Family bea = family("bea" + time.charAt(1));
            UUID credit = bea.credit("Bea", piano);
            Family weekly = family("weekly" + time.charAt(1));
            String child = weekly.child("Wes", piano);

            List<Integer> statuses = Race.of(List.of(() -> bea.book(credit, free, day).status(),
                    () -> weekly.session.post("/api/v1/parent/bookings", """
                            {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}""".formatted(child, free))
                            .status()));

            assertThat(statuses).isSubsetOf(201, 202, 409);
            String firstWeekly = owner.jdbc().sql("""
                            select start_date::text from enrollments
                             where timeslot_id = :t and status in ('provisional', 'active')""")
                    .param("t", free).query(String.class).optional().orElse(null);
            boolean madeUp = statuses.get(0) == 201;
            if (madeUp) {
                assertThat(firstWeekly).as("at " + time + " the weekly lessons start after the make-up's")
                        .isNotEqualTo(day.toString());
            } else {
                assertThat(firstWeekly).as("at " + time).isEqualTo(day.toString());
            }
        }
    }

    private List<String> templatesTo(String recipient) {
        return owner.jdbc().sql("select template from email_log where school_id = :s and recipient = :r")
                .param("s", school.id()).param("r", recipient).query(String.class).list();
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

        /** A child with an active weekly enrollment in the slot. */
        String enrolled(String name, UUID instrument, UUID timeslot) {
            return school.activeEnrollment(UUID.fromString(child(name, instrument)), timeslot).toString();
        }

        /** A child with an available make-up credit (from an earlier enrollment that ended). */
        UUID credit(String name, UUID instrument) {
            return creditFor(UUID.fromString(child(name, instrument)));
        }

        UUID creditFor(UUID student) {
            UUID ended = owner.jdbc().sql("""
                            insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date)
                            values (:s, :st, :t, 'monthly', 'cancelled', :d) returning id""")
                    .param("s", school.id()).param("st", student).param("t", otherSlot).param("d", today.minusDays(9))
                    .query(UUID.class).single();
            return owner.jdbc().sql("""
                            insert into makeup_credits (school_id, student_id, enrollment_id, semester_id,
                                                        source_lesson_date, status, expires_on)
                            values (:s, :st, :e, :m, :d, 'available', :x) returning id""")
                    .param("s", school.id()).param("st", student).param("e", ended).param("m", semester)
                    .param("d", today.minusDays(2)).param("x", today.plusDays(60)).query(UUID.class).single();
        }

        Answer book(UUID credit, UUID timeslot, LocalDate day) {
            return session.post("/api/v1/parent/makeups/book", """
                    {"makeup_id": "%s", "timeslot_id": "%s", "date": "%s"}""".formatted(credit, timeslot, day));
        }

        boolean freeOn(LocalDate day) {
            return freeOn(day, UUID.fromString(session.get("/api/v1/parent/students").json().path(0).path("id").asString()));
        }

        /** Whether the freed lesson is among the child's make-up choices that day. */
        boolean freeOn(LocalDate day, UUID student) {
            return session.get("/api/v1/parent/makeups/slots?student_id=" + student + "&from=" + day + "&to=" + day)
                    .json().valueStream().anyMatch(free -> free.path("timeslot_id").asString().equals(slot.toString()));
        }
    }

}
