package academy.cedarheights.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import academy.cedarheights.drills.Deployment.Family;
import academy.cedarheights.drills.Deployment.School;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.AppProcess;
import academy.cedarheights.support.DebianPostgres;
import org.junit.jupiter.api.Test;

/**
 * The production path, as docs/operations.md sets it up: Debian's PostgreSQL with the two roles (the owner migrates,
 * the application's role is bound by row-level security), the built jar as a process of its own configured by its
 * environment alone, billing through the real Stripe client against a Stripe speaking its wire format. A family books
 * through to active; then the nightly backup is restored into a fresh database where the app starts and every count
 * matches.
 */
class ProductionPathIT {

    static final List<String> COUNTED = List.of("schools", "payees", "students", "enrollments", "ledger_entries",
            "email_log", "consents", "audit_log");

    @Test
    void aFamilyBooksThroughToActiveAndTheBackupRestoresWithEveryCount() throws Exception {
        assumeThat(DebianPostgres.available()).as("Debian's postgresql and root (.ci/run provides both)").isTrue();
        int port = AppProcess.freePort();
        try (Deployment deployment = new Deployment("drill", port);
             AppProcess app = AppProcess.start("production-path", port,
                     deployment.environment("cedar_drill", Map.of()))) {
            Api api = Api.at(port);
            School school = deployment.school(api);
            Family family = deployment.family(api, school, "pat");

            String slug = school.catalogue().slug();
            String timetable = "/api/v1/public/timeslots?available=true";
            Answer shared = api.get(timetable, "X-School", slug);
            assertThat(shared.body()).contains(school.slot().toString());
            assertThat(shared.header("Cache-Control")).isEqualTo("public, max-age=2, stale-while-revalidate=3");
            assertThat(api.get(timetable, "X-School", slug, "If-None-Match", shared.header("ETag")).status())
                    .as("the visitor holds this copy").isEqualTo(304);
            assertSharedPageHoldsNothingOfAVisitor(api, slug, family);

            Answer booked = family.book(school.slot());
            assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
            // the slot just held is shown free for at most the copy's age and its stale time: five seconds
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !api.get(timetable, "X-School", slug).body().contains(school.slot().toString()));
            String tracking = booked.text("tracking_id");
            await().atMost(Duration.ofSeconds(60)).until(() -> family.session()
                    .get("/api/v1/parent/bookings/" + tracking + "/status").text("status").equals("active"));
            assertThat(deployment.stripe.subscriptionStatusesOf(family.customer())).as("one subscription at Stripe")
                    .containsExactly("active");

            // the two roles: the owner owns every table, the application's role owns none and bypasses nothing
            DebianPostgres postgres = deployment.postgres;
            assertThat(postgres.superuser(deployment.database, "select string_agg(distinct tableowner, ',') "
                    + "from pg_tables where schemaname = 'public'")).isEqualTo(deployment.owner);
            assertThat(postgres.superuser(deployment.database, "select rolsuper or rolbypassrls from pg_roles "
                    + "where rolname = '" + deployment.app + "'")).isEqualTo("f");

            // the nightly backup, restored into a fresh database: the app starts on it and every count matches
            String restoredDatabase = deployment.database + "_restore";
            String dump = "/tmp/" + deployment.database + ".dump";
            String postgresPort = String.valueOf(postgres.port());
            postgres.asPostgres("pg_dump", "-p", postgresPort, "--format=custom", "--file=" + dump, deployment.database);
            postgres.asPostgres("createdb", "-p", postgresPort, "-O", deployment.owner, restoredDatabase);
            postgres.asPostgres("pg_restore", "-p", postgresPort, "--no-owner", "--role=" + deployment.owner,
                    "--dbname=" + restoredDatabase, dump);
            postgres.superuser(restoredDatabase,
                    "grant connect on database " + restoredDatabase + " to " + deployment.app);
            for (String table : COUNTED) {
                assertThat(postgres.superuser(restoredDatabase, "select count(*) from " + table)).as(table)
                        .isEqualTo(postgres.superuser(deployment.database, "select count(*) from " + table));
            }
            int restoredPort = AppProcess.freePort();
            try (AppProcess restored = AppProcess.start("restored", restoredPort,
                    deployment.environment(restoredDatabase, Map.of("APP_JOBS_ENABLED", "false")))) {
                Session sameFamily = Api.at(restoredPort).as(family.session().token());
                assertThat(sameFamily.get("/api/v1/parent/bookings/" + tracking + "/status").text("status"))
                        .as("the restored copy serves the family its booking").isEqualTo("active");
                assertThat(restored.stop()).as("exits cleanly on SIGTERM").isIn(0, 143);
            }
            assertThat(app.stop()).as("exits cleanly on SIGTERM").isIn(0, 143);
        }
    }

    /**
     * The school's page is shared with every visitor who is not signed in: without anyone's CSRF token or cookie.
     * A signed-in parent's page is their own and kept by nobody.
     */
    private static void assertSharedPageHoldsNothingOfAVisitor(Api api, String slug, Family family) {
        String page = "/s/" + slug + "/";
        Answer anonymous = api.get(page);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body()).contains("Sign in").doesNotContain("_csrf");
        assertThat(anonymous.response().headers().allValues("Set-Cookie")).isEmpty();
        assertThat(anonymous.header("Cache-Control")).startsWith("public");
        assertThat(anonymous.response().headers().allValues("Vary")).contains("HX-Request, X-School, Cookie");

        String sessionCookie = "cedar_session_s_" + slug.replace('-', '_') + "=" + family.session().token();
        Answer signedIn = api.get(page, "Cookie", sessionCookie);
        assertThat(signedIn.body()).contains("Sign out", "My family", "name=\"_csrf\"");
        assertThat(signedIn.header("Cache-Control")).contains("no-store");
        assertThat(signedIn.header("ETag")).isNull();
    }
}
