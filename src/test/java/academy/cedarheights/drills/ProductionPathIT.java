package academy.cedarheights.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.AppProcess;
import academy.cedarheights.support.DebianPostgres;
import academy.cedarheights.support.FakeStripe;
import academy.cedarheights.support.TestSchool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The production path, as docs/operations.md sets it up: Debian's PostgreSQL with the two roles (the owner migrates,
 * the application's role is bound by row-level security), the built jar as a process of its own configured by its
 * environment alone, billing through the real Stripe client against a Stripe speaking its wire format. A family books
 * through to active; then the nightly backup is restored into a fresh database where the app starts and every count
 * matches.
 */
class ProductionPathIT {

    static final String DATABASE = "cedar_drill";
    static final String OWNER = "drill_owner";
    static final String APP = "drill_app";
    static final String PASSWORD = "drill-password-" + UUID.randomUUID().toString().substring(0, 8);
    static final String JWT_SECRET = "drill-jwt-secret-" + UUID.randomUUID() + UUID.randomUUID();
    static final List<String> COUNTED = List.of("schools", "payees", "students", "enrollments", "ledger_entries",
            "email_log", "consents", "audit_log");

    static DebianPostgres postgres;
    static FakeStripe stripe;
    static AppProcess app;
    static Api api;

    @BeforeAll
    static void theGuidesDatabaseAndTheJar() throws Exception {
        assumeThat(DebianPostgres.available()).as("Debian's postgresql and root (.ci/run provides both)").isTrue();
        postgres = DebianPostgres.main();
        dropEverything();
        postgres.superuser("postgres", "create role " + OWNER + " login password '" + PASSWORD + "'");
        postgres.superuser("postgres", "create role " + APP + " login password '" + PASSWORD + "' nosuperuser nobypassrls");
        postgres.superuser("postgres", "create database " + DATABASE + " owner " + OWNER);
        postgres.superuser("postgres", "revoke all on database " + DATABASE + " from public");
        postgres.superuser("postgres", "grant connect on database " + DATABASE + " to " + APP);

        int port = AppProcess.freePort();
        stripe = new FakeStripe(Instant::now);
        stripe.sendEventsTo(java.net.URI.create("http://localhost:" + port + "/api/v1/webhooks/stripe"),
                FakeStripe.WEBHOOK_SECRET);
        app = AppProcess.start("production-path", port, environment(DATABASE, Map.of()));
        api = Api.at(port);
    }

    @AfterAll
    static void cleanUp() {
        if (app != null) {
            app.close();
        }
        if (stripe != null) {
            stripe.close();
        }
        if (postgres != null) {
            dropEverything();
        }
    }

    @Test
    void aFamilyBooksThroughToActiveAndTheBackupRestoresWithEveryCount() {
        // a school signs up, as on /start-a-school
        String slug = "drill-" + UUID.randomUUID().toString().substring(0, 8);
        Answer school = api.post("/api/v1/auth/signup-school", """
                {"school_name": "Drill Strings", "slug": "%s", "time_zone": "America/Vancouver", "currency": "CAD",
                 "admin_email": "owner@%s.test", "admin_password": "a long admin password"}""".formatted(slug, slug),
                "Content-Type", "application/json");
        assertThat(school.status()).as(school.toString()).isEqualTo(201);

        // its catalogue, written as the schema's owner acting for the school (row-level security binds the owner too)
        JdbcClient owner = postgres.jdbc(OWNER, PASSWORD, DATABASE);
        UUID schoolId = owner.sql("select id from schools where slug = :slug").param("slug", slug)
                .query(UUID.class).single();
        owner.sql("select set_config('app.school_id', :id, false)").param("id", schoolId.toString()).query().singleRow();
        TestSchool catalogue = new TestSchool(owner, schoolId, slug);
        catalogue.inTerm(LocalDate.now(ZoneId.of("America/Vancouver")));
        UUID piano = catalogue.instrument("piano");
        UUID slot = catalogue.slot(catalogue.teacher("Ada Keys", true, piano), 2, "16:00");

        // a family signs up, proves its address, and Checkout leaves a card with Stripe
        String email = "pat@" + slug + ".test";
        catalogue.signUpUnverified(api, email);
        owner.sql("update accounts set email_verified_at = now() where email = :email").param("email", email).update();
        Session family = api.as(catalogue.login(api, email));
        assertThat(family.post("/api/v1/parent/payees/self", "{\"name\": \"Pat Doe\", \"phone\": null}").status())
                .isIn(200, 201);
        String child = family.post("/api/v1/parent/students", """
                {"name": "Kim Doe", "birth_date": "2017-05-01", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(piano)).text("id");
        UUID payee = UUID.fromString(family.get("/api/v1/parent/payees/self").text("id"));
        String customer = stripe.customerWithCard(email, FakeStripe.GOOD_CARD);
        owner.sql("""
                        insert into billing_customers (school_id, payee_id, customer_id, default_payment_method,
                                                       method_type, method_brand, method_last4)
                        values (:s, :p, :c, :card, 'card', 'visa', '4242')""")
                .param("s", schoolId).param("p", payee).param("c", customer).param("card", FakeStripe.GOOD_CARD).update();
        owner.sql("insert into stripe_customers (customer_id, school_id, payee_id) values (:c, :s, :p)")
                .param("c", customer).param("s", schoolId).param("p", payee).update();

        Answer booked = family.post("/api/v1/parent/bookings", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}""".formatted(child, slot));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        String tracking = booked.text("tracking_id");
        await().atMost(Duration.ofSeconds(60)).until(() -> family.get("/api/v1/parent/bookings/" + tracking + "/status")
                .text("status").equals("active"));
        assertThat(stripe.subscriptionStatusesOf(customer)).as("one subscription at Stripe").containsExactly("active");

        // the two roles: the owner owns every table, the application's role owns none and bypasses nothing
        assertThat(postgres.superuser(DATABASE, "select string_agg(distinct tableowner, ',') from pg_tables "
                + "where schemaname = 'public'")).isEqualTo(OWNER);
        assertThat(postgres.superuser(DATABASE, "select rolsuper or rolbypassrls from pg_roles where rolname = '"
                + APP + "'")).isEqualTo("f");

        // the nightly backup, restored into a fresh database: the app starts on it and every count matches
        postgres.asPostgres("pg_dump", "-p", String.valueOf(postgres.port()), "--format=custom",
                "--file=/tmp/" + DATABASE + ".dump", DATABASE);
        postgres.asPostgres("createdb", "-p", String.valueOf(postgres.port()), "-O", OWNER, DATABASE + "_restore");
        postgres.asPostgres("pg_restore", "-p", String.valueOf(postgres.port()), "--no-owner", "--role=" + OWNER,
                "--dbname=" + DATABASE + "_restore", "/tmp/" + DATABASE + ".dump");
        postgres.superuser(DATABASE + "_restore", "grant connect on database " + DATABASE + "_restore to " + APP);
        for (String table : COUNTED) {
            assertThat(postgres.superuser(DATABASE + "_restore", "select count(*) from " + table)).as(table)
                    .isEqualTo(postgres.superuser(DATABASE, "select count(*) from " + table));
        }
        assertThat(Long.parseLong(postgres.superuser(DATABASE, "select count(*) from enrollments"))).isPositive();
        int restoredPort = AppProcess.freePort();
        try (AppProcess restored = AppProcess.start("restored", restoredPort,
                environment(DATABASE + "_restore", Map.of("APP_JOBS_ENABLED", "false")))) {
            Session sameFamily = Api.at(restoredPort).as(family.token());
            assertThat(sameFamily.get("/api/v1/parent/bookings/" + tracking + "/status").text("status"))
                    .as("the restored copy serves the family its booking").isEqualTo("active");
            assertThat(restored.stop()).as("exits cleanly on SIGTERM").isIn(0, 143);
        }
        assertThat(app.stop()).as("exits cleanly on SIGTERM").isIn(0, 143);
        app = null;
    }

    /** What the guide's env file holds, for {@code database}. */
    private static Map<String, String> environment(String database, Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "DATABASE_URL", postgres.url(APP, PASSWORD, database),
                "DATABASE_MIGRATION_URL", postgres.url(OWNER, PASSWORD, database),
                "JWT_SECRET", JWT_SECRET,
                "APP_SCHOOL_SIGNUP", "true",
                "ADMIN_EMAILS", "owner@cedar-heights.test",
                "STRIPE_SECRET_KEY", "sk_test_drill",
                "STRIPE_API_BASE", stripe.baseUrl(),
                "STRIPE_WEBHOOK_SECRET", FakeStripe.WEBHOOK_SECRET,
                "APP_JOBS_POLLING_INTERVAL", "500ms"));
        environment.putAll(more);
        return environment;
    }

    private static void dropEverything() {
        for (String database : List.of(DATABASE + "_restore", DATABASE)) {
            postgres.superuser("postgres", "drop database if exists " + database + " with (force)");
        }
        postgres.superuser("postgres", "drop role if exists " + APP);
        postgres.superuser("postgres", "drop role if exists " + OWNER);
    }
}
