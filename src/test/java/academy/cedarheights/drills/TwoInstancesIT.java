package academy.cedarheights.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * once, whichever instance picks it up. Both sweep every second for lessons to remind and holds run out: each lesson
 * is reminded once, each hold expires once.
 */
class TwoInstancesIT {

    static final int FAMILIES = 50;
    /**
     * Fifty families sign up from this machine's one address (the per-address limit would stop the thirtieth); the
     * reminder and hold sweeps run every second (production: ten and two minutes).
     */
    static final Map<String, String> ENVIRONMENT = Map.of("APP_ATTEMPTS_PER_ADDRESS", "1000",
            "APP_REMINDERS_EVERY", "1s", "APP_HOLDS_EXPIRY_CHECK", "1s");
    static final ZoneId SCHOOL_ZONE = ZoneId.of("America/Vancouver");

    @Test
    void aRushOnOneSlotAcrossTwoInstancesHasOneWinnerAndItsWorkIsDoneOnce() throws Exception {
        assumeThat(DebianPostgres.available()).as("Debian's postgresql and root (.ci/run provides both)").isTrue();
        int first = AppProcess.freePort();
        int second = AppProcess.freePort();
        try (Deployment deployment = new Deployment("twins", first);
             AppProcess one = AppProcess.start("instance-one", first,
                     deployment.environment("cedar_twins", ENVIRONMENT));
             AppProcess two = AppProcess.start("instance-two", second,
                     deployment.environment("cedar_twins", ENVIRONMENT))) {
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
                Family there = family.via(instance);
                rush.add(() -> there.book(school.slot()).status());
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
                         where recipient like 'family%'
                           and template not in ('verify_email', 'welcome', 'lesson_reminder')
                         group by template) t"""))
                    .as("the winner's confirmation and receipt, each once; the others' none")
                    .isEqualTo("booking_confirmation 1, payment_receipt 1");
            assertThat(deployment.postgres.superuser(database, """
                    select count(*) || ' ' || count(distinct recipient) || ' '
                           || count(*) filter (where status = 'sent')
                      from email_log where template = 'verify_email'"""))
                    .as("each family's address proof sent once, by whichever instance")
                    .isEqualTo(FAMILIES + " " + FAMILIES + " " + FAMILIES);

            // both instances sweep every second: a lesson three hours from now, and a hold whose time is up
            ZonedDateTime soon = ZonedDateTime.now(SCHOOL_ZONE).plusHours(3).truncatedTo(ChronoUnit.MINUTES);
            UUID soonSlot = school.catalogue().slot(school.teacher(), soon.getDayOfWeek().getValue(),
                    soon.toLocalTime().toString());
            Family reminded = deployment.family(instances.get(0), school, "reminded");
            assertThat(reminded.book(soonSlot).status()).isEqualTo(202);
            Family lapsing = deployment.familyWithoutCard(instances.get(1), school, "lapsing", null);
            assertThat(lapsing.book(school.catalogue().slot(school.teacher(), 5, "10:00")).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> deployment.emailsTo(reminded).contains("payment_receipt")
                    && deployment.emailsTo(lapsing).contains("provisional_notice"));
            deployment.ownerFor(school.catalogue().id()).sql("""
                            update enrollments set provisional_expires_at = now() - interval '1 minute'
                             where student_id = cast(:child as uuid)""")
                    .param("child", lapsing.child()).update();
            await().atMost(Duration.ofSeconds(30)).until(() -> deployment.emailsTo(reminded).contains("lesson_reminder")
                    && deployment.emailsTo(lapsing).contains("hold_expired"));
            // more sweeps by each instance change nothing
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    deployment.emailsTo(reminded).equals("booking_confirmation 1, lesson_reminder 1, payment_receipt 1")
                    && deployment.emailsTo(lapsing).equals("hold_expired 1, provisional_notice 1"));
            assertThat(deployment.postgres.superuser(database, """
                    select count(*) > 0 and count(*) = count(distinct recipient) from email_log
                     where template = 'admin_alert' and subject like '%Provisional bookings expired%'"""))
                    .as("each of the school's admins is told of the expiry once").isEqualTo("t");
            assertThat(deployment.postgres.superuser(database, """
                    select count(*) from (select recipient from email_log where template = 'lesson_reminder'
                                           group by recipient having count(*) > 1) twice"""))
                    .as("no lesson reminded twice").isEqualTo("0");
            assertThat(deployment.postgres.superuser(database, "select count(*) from dead_letters")).isEqualTo("0");
            assertThat(one.stop()).isIn(0, 143);
            assertThat(two.stop()).isIn(0, 143);
        }
    }
}
