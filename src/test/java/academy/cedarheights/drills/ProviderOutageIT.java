package academy.cedarheights.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import academy.cedarheights.drills.Deployment.Family;
import academy.cedarheights.drills.Deployment.School;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.AppProcess;
import academy.cedarheights.support.DebianPostgres;
import academy.cedarheights.support.FakeMailjetAndTwilio;
import org.junit.jupiter.api.Test;

/**
 * Stripe, Mailjet and Twilio down together for two minutes — each call answered 500, 429, or not at all until the
 * client times out — while the school's families go on: new families sign up and book, booked ones cancel, and the
 * families waiting for those slots are offered them by email and text. Bookings keep being accepted, nothing is
 * dead-lettered, and once the providers are back every activation, cancellation at Stripe, email and text completes,
 * none lost and none twice.
 */
class ProviderOutageIT {

    static final Duration OUTAGE = Duration.ofMinutes(2);
    static final int BOOKED = 3;
    static final int NEWCOMERS = 4;

    /**
     * The guide's delivery settings, pointed at the fakes; retries back off to 10 s (production: 10 min) so that the
     * first attempt after the providers are back comes within seconds. The budget still outlasts the outage: 25
     * attempts, 224 s of waiting besides the attempts' own timeouts.
     */
    static Map<String, String> providers() {
        return Map.of(
                "MAILJET_API_KEY", FakeMailjetAndTwilio.MAILJET_KEY,
                "MAILJET_API_SECRET", FakeMailjetAndTwilio.MAILJET_SECRET,
                "MAILJET_API_BASE", FakeMailjetAndTwilio.mailjet().baseUrl(),
                "MAIL_FROM", "Drill Strings <no-reply@drill.test>",
                "TWILIO_ACCOUNT_SID", FakeMailjetAndTwilio.TWILIO_SID,
                "TWILIO_AUTH_TOKEN", FakeMailjetAndTwilio.TWILIO_TOKEN,
                "TWILIO_FROM", FakeMailjetAndTwilio.TWILIO_FROM,
                "TWILIO_API_BASE", FakeMailjetAndTwilio.twilio().baseUrl(),
                "APP_JOBS_RETRY_BASE", "2s",
                "APP_JOBS_RETRY_CAP", "10s");
    }

    @Test
    void twoMinutesWithoutStripeMailjetOrTwilioLoseNothingAndRepeatNothing() throws Exception {
        assumeThat(DebianPostgres.available()).as("Debian's postgresql and root (.ci/run provides both)").isTrue();
        int port = AppProcess.freePort();
        try (Deployment deployment = new Deployment("outage", port);
             AppProcess app = AppProcess.start("provider-outage", port,
                     deployment.environment("cedar_outage", providers()))) {
            Api api = Api.at(port);
            School school = deployment.school(api, BOOKED + NEWCOMERS);

            // before: three families hold the first three slots; three more wait for one of them, phones on file
            List<Family> booked = new ArrayList<>();
            Map<Family, String> bookings = new HashMap<>();
            for (int i = 0; i < BOOKED; i++) {
                Family family = deployment.family(api, school, "booked" + i);
                booked.add(family);
                bookings.put(family, family.book(school.slots().get(i)).text("tracking_id"));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> booked.stream().allMatch(family ->
                    status(family, bookings.get(family)).equals("active")));
            List<Family> waiting = new ArrayList<>();
            for (int i = 0; i < BOOKED; i++) {
                Family family = deployment.family(api, school, "waiting" + i, "+1 604 555 01" + (10 + i));
                assertThat(family.session().post("/api/v1/parent/waitlist", """
                        {"student_id": "%s", "teacher_id": "%s", "earliest": "16:00", "latest": "17:30"}"""
                        .formatted(family.child(), school.teacher())).status()).isEqualTo(201);
                waiting.add(family);
            }
            deployment.awaitNoJobsDue();
            int emailsBefore = FakeMailjetAndTwilio.emailsAccepted().size();

            // the outage: families sign up and book, booked families cancel (their slots go to those waiting)
            Instant down = Instant.now();
            deployment.stripe.goDown(Duration.ofSeconds(25));
            FakeMailjetAndTwilio.goDown(Duration.ofSeconds(20));
            List<Family> newcomers = new ArrayList<>();
            for (int i = 0; i < NEWCOMERS; i++) {
                Family family = deployment.family(api, school, "newcomer" + i);
                Answer booking = family.book(school.slots().get(BOOKED + i));
                assertThat(booking.status()).as("a booking is accepted while Stripe is down").isEqualTo(202);
                newcomers.add(family);
                bookings.put(family, booking.text("tracking_id"));
            }
            for (Family family : booked) {
                assertThat(family.session().post("/api/v1/parent/bookings/" + bookings.get(family) + "/cancel", "")
                        .status()).as("a cancellation is accepted while Stripe is down").isEqualTo(200);
            }
            // for the rest of the two minutes: nothing is given up, nothing is claimed paid
            await().during(Duration.between(Instant.now(), down.plus(OUTAGE))).atMost(OUTAGE.plusSeconds(10))
                    .until(() -> deadLetters(deployment).equals("0")
                            && newcomers.stream().allMatch(family -> status(family, bookings.get(family))
                            .equals("provisional")));
            Map<String, Integer> stripeRefused = deployment.stripe.comeBack();
            FakeMailjetAndTwilio.comeBack();
            Instant up = Instant.now();

            // after: every activation, cancellation, email and text completes
            await().atMost(Duration.ofMinutes(3)).until(() -> newcomers.stream().allMatch(family ->
                    status(family, bookings.get(family)).equals("active")));
            await().atMost(Duration.ofMinutes(2)).until(() -> booked.stream().allMatch(family ->
                    deployment.stripe.subscriptionStatusesOf(family.customer()).equals(List.of("canceled"))));
            deployment.awaitNoJobsDue(Duration.ofMinutes(3));
            Duration recovery = Duration.between(up, Instant.now());

            assertThat(deadLetters(deployment)).as("nothing dead-lettered").isEqualTo("0");
            for (Family family : newcomers) {
                assertThat(deployment.stripe.subscriptionStatusesOf(family.customer())).as("one subscription each")
                        .containsExactly("active");
                assertThat(deployment.ledgerOf(school, family)).isEqualTo("charge 1, payment 1, balance 0");
                assertThat(deployment.emailsAndStatusTo(family))
                        .isEqualTo("booking_confirmation sent 1, payment_receipt sent 1");
            }
            for (Family family : waiting) {
                assertThat(deployment.emailsAndStatusTo(family)).as("each family waiting is offered a slot, once")
                        .isEqualTo("waitlist_offer sent 1");
            }
            assertThat(deployment.postgres.superuser(deployment.database, """
                    select string_agg(status || ' ' || n, ', ') from (
                        select status, count(*) as n from email_log group by status) s"""))
                    .as("every email sent").matches("sent \\d+");
            assertThat(deployment.postgres.superuser(deployment.database, """
                    select string_agg(status || ' ' || n, ', ') from (
                        select status, count(*) as n from text_messages group by status) s"""))
                    .as("every text sent: an offer to each family waiting").isEqualTo("sent " + BOOKED);

            List<String> emails = FakeMailjetAndTwilio.emailsAccepted();
            List<String> texts = FakeMailjetAndTwilio.textsAccepted();
            List<String> logged = List.of(deployment.postgres.superuser(deployment.database,
                    "select string_agg(id::text, ',' order by id) from email_log").split(","));
            assertThat(emails).as("Mailjet took each email once, and no other").hasSameSizeAs(new HashSet<>(emails))
                    .containsExactlyInAnyOrderElementsOf(logged);
            assertThat(texts).as("Twilio took each text once").hasSize(BOOKED).doesNotHaveDuplicates();
            for (int i = 0; i < BOOKED; i++) {
                String offer = "+160455501" + (10 + i) + ": A slot for waiting" + i + " kid with Ada Keys";
                assertThat(texts).as("the offer reaches the phone").anyMatch(text -> text.startsWith(offer));
            }

            Map<Integer, Long> deliveryRefused = FakeMailjetAndTwilio.refused();
            int duplicates = emails.size() - new HashSet<>(emails).size() + texts.size() - new HashSet<>(texts).size();
            long lost = logged.stream().filter(id -> !emails.contains(id)).count() + BOOKED - new HashSet<>(texts).size();
            System.out.printf("[drill] provider outage of %d s: bookings accepted during it: %d (of %d), cancellations"
                            + " accepted: %d; refused by Stripe: %s, by Mailjet and Twilio (HTTP status: calls): %s; "
                            + "after recovery, in %d s: activations %d, subscriptions cancelled %d, emails sent %d, "
                            + "texts sent %d; duplicates: %d; lost: %d; dead letters: %s%n",
                    OUTAGE.toSeconds(), NEWCOMERS, NEWCOMERS, BOOKED, stripeRefused, deliveryRefused,
                    recovery.toSeconds(), NEWCOMERS, BOOKED, emails.size() - emailsBefore, texts.size(),
                    duplicates, lost, deadLetters(deployment));
            assertThat(stripeRefused).as("Stripe answered each of its ways of failing").containsKeys("500", "429",
                    "timeout");
            assertThat(deliveryRefused).as("so did Mailjet and Twilio").containsKeys(500, 429, 503);
            assertThat(app.stop()).isIn(0, 143);
        }
    }

    private static String status(Family family, String booking) {
        return family.session().get("/api/v1/parent/bookings/" + booking + "/status").text("status");
    }

    private static String deadLetters(Deployment deployment) {
        return deployment.postgres.superuser(deployment.database, "select count(*) from dead_letters");
    }
}
