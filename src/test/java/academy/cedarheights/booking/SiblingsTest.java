package academy.cedarheights.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Race;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Siblings booked together: every child's slot is held in one go or none is, the refusal names the booking it came
 * from, and two families' batches over the same slots in opposite orders have one winner without a deadlock.
 */
@IntegrationTest
class SiblingsTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    @Autowired Api api;
    @Autowired TestSchools schools;

    TestSchool school;
    LocalDate today;
    UUID piano;
    UUID first;
    UUID second;
    UUID third;

    @BeforeEach
    void aSchoolWithThreeFreeSlots() {
        school = schools.create();
        today = LocalDate.now(VANCOUVER);
        school.inTerm(today);
        piano = school.instrument("Piano");
        UUID ada = school.teacher("Ada Keys", true, piano);
        int weekday = today.plusDays(3).getDayOfWeek().getValue();
        first = school.slot(ada, weekday, "15:00");
        second = school.slot(ada, weekday, "15:30");
        third = school.slot(ada, weekday, "16:00");
    }

    @Test
    void siblingsAreHeldTogetherInTheOrderAsked() {
        Session family = family("pat");
        String ann = child(family, "Ann", piano);
        String bo = child(family, "Bo", piano);

        Answer batch = family.post("/api/v1/parent/bookings/batch", batch(ann, second, bo, first));

        assertThat(batch.status()).as(batch.toString()).isEqualTo(202);
        assertThat(batch.json().path("bookings").size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            String tracking = batch.json().path("bookings").path(i).path("tracking_id").asString();
            String slot = family.get("/api/v1/parent/bookings/" + tracking + "/status").json().path("timeslot_id").asString();
            assertThat(slot).isEqualTo((i == 0 ? second : first).toString());
            assertThat(batch.json().path("bookings").path(i).path("status").asString()).isEqualTo("provisional");
        }
    }

    @Test
    void oneRefusalMakesNoneOfThemAndNamesWhichBooking() {
        Session other = family("other");
        String held = child(other, "Holder", piano);
        assertThat(other.post("/api/v1/parent/bookings", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}""".formatted(held, second)).status())
                .isEqualTo(202);
        Session family = family("pat");
        String ann = child(family, "Ann", piano);
        String bo = child(family, "Bo", piano);
        String cy = child(family, "Cy", piano);
        String gus = child(family, "Gus", school.instrument("Guitar"));

        Answer refused = family.post("/api/v1/parent/bookings/batch", batch(ann, first, bo, second, cy, third));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("bookings[1]").contains(second.toString());
        assertThat(holds(family)).as("all or nothing").isZero();

        assertProblem(family.post("/api/v1/parent/bookings/batch", batch(ann, first, ann, third)), 400,
                "bookings[1].student_id");
        assertProblem(family.post("/api/v1/parent/bookings/batch", batch(ann, first, gus, third)), 400,
                "bookings[1].timeslot_id");
        assertThat(family.post("/api/v1/parent/bookings/batch", batch(ann, first, held, third)).status())
                .as("another family's child").isEqualTo(404);
        assertThat(family.post("/api/v1/parent/bookings/batch", "{\"bookings\": []}").status()).isEqualTo(400);
        assertThat(holds(family)).isZero();
    }

    @Test
    void twoFamiliesBatchingOverTheSameSlotsInOppositeOrdersHaveOneWinner() {
        Session pat = family("pat");
        Session sam = family("sam");
        String pats = batch(child(pat, "Ann", piano), first, child(pat, "Bo", piano), third);
        String sams = batch(child(sam, "Cy", piano), third, child(sam, "Di", piano), first);

        for (int round = 0; round < 3; round++) {
            List<Integer> statuses = Race.of(List.of(
                    () -> pat.post("/api/v1/parent/bookings/batch", pats).status(),
                    () -> sam.post("/api/v1/parent/bookings/batch", sams).status()));
            if (round == 0) {
                assertThat(statuses).containsExactlyInAnyOrder(202, 409);
            } else {
                assertThat(statuses).as("the winner's children hold their slots now").containsOnly(409);
            }
        }
        assertThat(holds(pat) + holds(sam)).isEqualTo(2);
        assertThat(holds(pat) * holds(sam)).as("one family has both").isZero();
    }

    @Test
    void aRepeatedIdempotencyKeyGetsTheFirstAnswer() {
        Session family = family("pat");
        String body = batch(child(family, "Ann", piano), first, child(family, "Bo", piano), second);

        Answer once = send(family, body, "siblings-1");
        Answer twice = send(family, body, "siblings-1");

        assertThat(once.status()).isEqualTo(202);
        assertThat(twice.status()).isEqualTo(202);
        assertThat(twice.body()).isEqualTo(once.body());
        assertThat(holds(family)).isEqualTo(2);
    }

    private Answer send(Session family, String body, String key) {
        return api.send(HttpRequest.newBuilder(api.uri("/api/v1/parent/bookings/batch"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                "Authorization", "Bearer " + family.token(), "Content-Type", "application/json", "Idempotency-Key", key);
    }

    private long holds(Session family) {
        return family.get("/api/v1/parent/bookings").json().valueStream()
                .filter(booking -> booking.path("status").asString().equals("provisional")).count();
    }

    private static String batch(Object... childrenAndSlots) {
        List<String> bookings = new ArrayList<>();
        for (int i = 0; i < childrenAndSlots.length; i += 2) {
            bookings.add("{\"student_id\": \"%s\", \"timeslot_id\": \"%s\", \"billing_plan\": \"monthly\"}"
                    .formatted(childrenAndSlots[i], childrenAndSlots[i + 1]));
        }
        return "{\"bookings\": [" + String.join(", ", bookings) + "]}";
    }

    private static void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.body()).contains(field);
    }

    private Session family(String name) {
        return api.as(school.signUp(api, name + "@" + school.slug() + ".test"));
    }

    private String child(Session family, String name, UUID instrument) {
        return family.post("/api/v1/parent/students", """
                {"name": "%s", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(name, today.minusYears(9), instrument)).text("id");
    }

}
