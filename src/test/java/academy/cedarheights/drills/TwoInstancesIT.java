package academy.cedarheights.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import academy.cedarheights.drills.Deployment.Family;
import academy.cedarheights.drills.Deployment.School;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.AppProcess;
import academy.cedarheights.support.DebianPostgres;
import academy.cedarheights.support.Race;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the jar on one database, behind no balancer: the families' requests alternate between them. A
 * rush of 50 families on one slot has one winner, and the work that follows — billing at Stripe, the emails — is done
 * once, whichever instance picks it up.
 */
class TwoInstancesIT {

    static final int FAMILIES = 50;
    /** Fifty families sign up from this machine's one address: the per-address limit would stop the thirtieth. */
    static final Map<String, String> ONE_ADDRESS = Map.of("APP_ATTEMPTS_PER_ADDRESS", "1000");

    @Test
    void aRushOnOneSlotAcrossTwoInstancesHasOneWinnerAndItsWorkIsDoneOnce() throws Exception {
        assumeThat(DebianPostgres.available()).as("Debian's postgresql and root (.ci/run provides both)").isTrue();
        int first = AppProcess.freePort();
        int second = AppProcess.freePort();
        try (Deployment deployment = new Deployment("twins", first);
             AppProcess one = AppProcess.start("instance-one", first,
                     deployment.environment("cedar_twins", ONE_ADDRESS));
             AppProcess two = AppProcess.start("instance-two", second,
                     deployment.environment("cedar_twins", ONE_ADDRESS))) {
            List<Api> instances = List.of(Api.at(first), Api.at(second));
            School school = deployment.school(instances.get(0));
            List<Family> families = new ArrayList<>();
            for (int i = 0; i < FAMILIES; i++) {
                families.add(deployment.family(instances.get(i % 2), school, "family" + i));
            }

            List<Callable<Integer>> rush = new ArrayList<>();
            for (int i = 0; i < FAMILIES; i++) {
                Family family = families.get(i);
                // each family's request goes to the other instance than the one it signed up on
                Api instance = instances.get((i + 1) % 2);
                rush.add(() -> instance.as(family.session().token()).post("/api/v1/parent/bookings", """
                        {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}"""
                        .formatted(family.child(), school.slot())).status());
            }
            List<Integer> statuses = Race.of(rush);
            assertThat(statuses).as("one winner, the others told the slot is taken, no 5xx")
                    .containsOnlyOnce(202).allMatch(status -> status == 202 || status == 409);

            int winner = statuses.indexOf(202);
            Family won = families.get(winner);
            await().atMost(Duration.ofSeconds(60)).until(() -> won.session()
                    .get("/api/v1/parent/bookings").json().get(0).path("status").asString().equals("active"));
            String database = deployment.database;
            deployment.awaitNoJobsDue();
            assertThat(families.stream().mapToLong(family -> deployment.stripe.subscriptionStatusesOf(family.customer())
                    .size()).sum()).as("one subscription at Stripe for the whole rush").isEqualTo(1);
            assertThat(deployment.postgres.superuser(database, """
                    select string_agg(template || ' ' || n, ', ' order by template) from (
                        select template, count(*) as n from email_log
                         where recipient like 'family%' and template not in ('verify_email', 'welcome')
                         group by template) t"""))
                    .as("the winner's confirmation and receipt, each once; the others' none")
                    .isEqualTo("booking_confirmation 1, payment_receipt 1");
            assertThat(deployment.postgres.superuser(database, """
                    select count(*) || ' ' || count(distinct recipient) || ' '
                           || count(*) filter (where status = 'sent')
                      from email_log where template = 'verify_email'"""))
                    .as("each family's address proof sent once, by whichever instance")
                    .isEqualTo(FAMILIES + " " + FAMILIES + " " + FAMILIES);
            assertThat(deployment.postgres.superuser(database, "select count(*) from dead_letters")).isEqualTo("0");
            assertThat(one.stop()).isIn(0, 143);
            assertThat(two.stop()).isIn(0, 143);
        }
    }
}
