package academy.cedarheights.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import academy.cedarheights.drills.Deployment.Family;
import academy.cedarheights.drills.Deployment.School;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.AppProcess;
import academy.cedarheights.support.DebianPostgres;
import academy.cedarheights.support.FakeStripe.Held;
import org.junit.jupiter.api.Test;

/**
 * A billing run stopped halfway, twice: once by systemd (SIGTERM) while the run waits on Stripe — readiness goes out of
 * service first, the run finishes, then the process exits — and once by {@code kill -9} after Stripe made the
 * subscription but before the app heard back. After each restart the work resumes where it stood: every family is
 * active, Stripe made each subscription and price once, each charge is in the ledger once and each email went once.
 */
class InterruptedBillingIT {

    /** Heartbeats every second: a killed instance's run is taken up again 4 s after its last one (production: 2 min). */
    static final Map<String, String> QUICK_TO_NOTICE = Map.of("APP_JOBS_HEARTBEAT", "1s", "APP_SHUTDOWN_DRAIN", "2s");

    @Test
    void aBillingRunStoppedBySigtermFinishesAndOneKilledMidwayResumesWithNothingMadeTwice() throws Exception {
        assumeThat(DebianPostgres.available()).as("Debian's postgresql and root (.ci/run provides both)").isTrue();
        int port = AppProcess.freePort();
        try (Deployment deployment = new Deployment("interrupted", port)) {
            Map<String, String> environment = deployment.environment("cedar_interrupted", QUICK_TO_NOTICE);
            Api api = Api.at(port);
            School school;
            Family stopped;
            Family killed;
            String killedBooking;

            try (AppProcess app = AppProcess.start("interrupted-1", port, environment)) {
                school = deployment.school(api, 2);
                stopped = deployment.family(api, school, "sigterm");
                killed = deployment.family(api, school, "sigkill");

                // SIGTERM while the run waits on Stripe's answer
                Held inFlight = deployment.stripe.holdAnswerTo("POST", "/v1/subscriptions");
                book(stopped, school, 0);
                assertThat(inFlight.awaitReached(Duration.ofSeconds(60))).as("the run reached Stripe").isTrue();
                app.terminate();
                await().atMost(Duration.ofSeconds(10)).until(() -> readiness(api) == 503);
                // the drain is over and the workers are stopping: the run still waits on Stripe
                await().atMost(Duration.ofSeconds(30)).until(() -> logged(app, "Shutting down Scheduler"));
                inFlight.release();
                assertThat(app.awaitExit(Duration.ofSeconds(60))).as("exits once the run finished").isIn(0, 143);
            }
            assertThat(enrollmentOf(deployment, school, stopped)).as("the run finished before the exit")
                    .isEqualTo("active");
            assertThat(billingJobsLeft(deployment)).as("nothing of it left to run again").isEqualTo("0");

            try (AppProcess app = AppProcess.start("interrupted-2", port, environment)) {
                // kill -9 after Stripe made the subscription, before the app heard back
                Held inFlight = deployment.stripe.holdAnswerTo("POST", "/v1/subscriptions");
                killedBooking = book(killed, school, 1);
                assertThat(inFlight.awaitReached(Duration.ofSeconds(60))).as("the run reached Stripe").isTrue();
                app.kill();
                inFlight.release();
            }
            assertThat(deployment.stripe.subscriptionStatusesOf(killed.customer())).as("Stripe made it")
                    .containsExactly("active");
            assertThat(enrollmentOf(deployment, school, killed)).as("the app never heard").isEqualTo("provisional");

            try (AppProcess app = AppProcess.start("interrupted-3", port, environment)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> killed.session()
                        .get("/api/v1/parent/bookings/" + killedBooking + "/status").text("status").equals("active"));
                deployment.awaitNoJobsDue();

                for (Family family : List.of(stopped, killed)) {
                    assertThat(deployment.stripe.subscriptionStatusesOf(family.customer()))
                            .as("one subscription each at Stripe").containsExactly("active");
                    assertThat(deployment.ledgerOf(school, family)).as("the first month charged and paid, once")
                            .isEqualTo("charge 1, payment 1, balance 0");
                    assertThat(deployment.emailsAndStatusTo(family)).as("each email once, sent (the first after the restart)")
                            .isEqualTo("booking_confirmation sent 1, payment_receipt sent 1");
                }
                assertThat(deployment.stripe.prices()).as("the school's monthly price made once").hasSize(1);
                assertThat(deployment.postgres.superuser(deployment.database,
                        "select runs from billing_runs order by runs")).as("the killed run ran again, the other once")
                        .isEqualTo("1\n2");
                assertThat(deployment.postgres.superuser(deployment.database, "select count(*) from dead_letters"))
                        .isEqualTo("0");
                assertThat(app.stop()).isIn(0, 143);
            }
            System.out.printf("[drill] interrupted billing: SIGTERM mid-run → finished before exit; kill -9 mid-run → "
                            + "resumed after restart; subscriptions at Stripe: %d for 2 families, prices: %d, "
                            + "dead letters: 0%n",
                    deployment.stripe.subscriptionStatusesOf(stopped.customer()).size()
                            + deployment.stripe.subscriptionStatusesOf(killed.customer()).size(),
                    deployment.stripe.prices().size());
        }
    }

    private static String book(Family family, School school, int slot) {
        Answer booked = family.book(school.slots().get(slot));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        return booked.text("tracking_id");
    }

    private static int readiness(Api api) {
        try {
            return api.get("/actuator/health/readiness").status();
        } catch (RuntimeException closed) {
            return -1;
        }
    }

    private static boolean logged(AppProcess app, String text) throws java.io.IOException {
        return Files.readString(app.log()).contains(text);
    }

    private static String enrollmentOf(Deployment deployment, School school, Family family) {
        return deployment.ownerFor(school.catalogue().id()).sql("""
                        select e.status from enrollments e join students s on s.school_id = e.school_id
                           and s.id = e.student_id where s.payee_id = :payee""")
                .param("payee", family.payee()).query(String.class).single();
    }

    private static String billingJobsLeft(Deployment deployment) {
        return deployment.postgres.superuser(deployment.database,
                "select count(*) from scheduled_tasks where task_name = 'bill-enrollment'");
    }
}
