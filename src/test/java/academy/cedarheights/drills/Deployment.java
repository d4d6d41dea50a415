package academy.cedarheights.drills;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.DebianPostgres;
import academy.cedarheights.support.FakeStripe;
import academy.cedarheights.support.TestSchool;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deployment as docs/operations.md sets one up, for a drill: a database of its own on Debian's PostgreSQL with the
 * guide's two roles, the Stripe fake, and the env file the jar's processes start with. Closing it drops it all.
 */
final class Deployment implements AutoCloseable {

    static final String PASSWORD = "drill-password-" + UUID.randomUUID().toString().substring(0, 8);
    static final String JWT_SECRET = "drill-jwt-secret-" + UUID.randomUUID() + UUID.randomUUID();

    final DebianPostgres postgres;
    final String database;
    final String owner;
    final String app;
    final FakeStripe stripe;
    private final Map<UUID, JdbcClient> owners = new ConcurrentHashMap<>();

    /** The database and its roles, and a Stripe whose events go to the instance listening on {@code webhookPort}. */
    Deployment(String name, int webhookPort) throws Exception {
        this.postgres = DebianPostgres.main();
        this.database = "cedar_" + name;
        this.owner = name + "_owner";
        this.app = name + "_app";
        drop();
        postgres.superuser("postgres", "create role " + owner + " login password '" + PASSWORD + "'");
        postgres.superuser("postgres",
                "create role " + app + " login password '" + PASSWORD + "' nosuperuser nobypassrls");
        postgres.superuser("postgres", "create database " + database + " owner " + owner);
        postgres.superuser("postgres", "revoke all on database " + database + " from public");
        postgres.superuser("postgres", "grant connect on database " + database + " to " + app);
        this.stripe = new FakeStripe(Instant::now);
        stripe.sendEventsTo(URI.create("http://localhost:" + webhookPort + "/api/v1/webhooks/stripe"),
                FakeStripe.WEBHOOK_SECRET);
    }

    /** The guide's env file, for this deployment's database (or another, a restored copy), and what a drill adds. */
    Map<String, String> environment(String databaseName, Map<String, String> more) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "DATABASE_URL", postgres.url(app, PASSWORD, databaseName),
                "DATABASE_MIGRATION_URL", postgres.url(owner, PASSWORD, databaseName),
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

    /**
     * The schema's owner, acting for one school (row-level security binds the owner too): one connection per school,
     * kept for the drill (fifty families must not take fifty of the cluster's hundred connections).
     */
    JdbcClient ownerFor(UUID school) {
        return owners.computeIfAbsent(school, id -> {
            JdbcClient jdbc = postgres.jdbc(owner, PASSWORD, database);
            jdbc.sql("select set_config('app.school_id', :id, false)").param("id", id.toString()).query().singleRow();
            return jdbc;
        });
    }

    /** A school signed up through {@code api}, in term, with a piano teacher's Tuesday 16:00 slot. */
    School school(Api api) {
        return school(api, 1);
    }

    /** A school signed up through {@code api}, in term, with a piano teacher's Tuesday slots from 16:00, half-hourly. */
    School school(Api api, int slots) {
        String slug = "drill-" + UUID.randomUUID().toString().substring(0, 8);
        Answer answer = api.post("/api/v1/auth/signup-school", """
                {"school_name": "Drill Strings", "slug": "%s", "time_zone": "America/Vancouver", "currency": "CAD",
                 "admin_email": "owner@%s.test", "admin_password": "a long admin password"}""".formatted(slug, slug),
                "Content-Type", "application/json");
        if (answer.status() != 201) {
            throw new IllegalStateException("school sign-up: " + answer);
        }
        UUID id = UUID.fromString(postgres.superuser(database, "select id from schools where slug = '" + slug + "'"));
        TestSchool catalogue = new TestSchool(ownerFor(id), id, slug);
        catalogue.inTerm(LocalDate.now(ZoneId.of("America/Vancouver")));
        UUID piano = catalogue.instrument("piano");
        UUID teacher = catalogue.teacher("Ada Keys", true, piano);
        List<UUID> weekly = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            weekly.add(catalogue.slot(teacher, 2, LocalTime.of(16, 0).plusMinutes(30L * i).toString()));
        }
        return new School(catalogue, piano, teacher, weekly);
    }

    record School(TestSchool catalogue, UUID piano, UUID teacher, List<UUID> slots) {

        UUID slot() {
            return slots.get(0);
        }
    }

    record Family(Session session, UUID payee, String child, String customer, String email) {

        /** The same family, its requests going to {@code instance}. */
        Family via(Api instance) {
            return new Family(instance.as(session.token()), payee, child, customer, email);
        }

        /** The family books its child into {@code slot}, paying monthly. */
        Answer book(UUID slot) {
            return session.post("/api/v1/parent/bookings", """
                    {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}"""
                    .formatted(child, slot));
        }
    }

    /** A family signed up through {@code api}, its address proven, a child, and a card Checkout left with Stripe. */
    Family family(Api api, School school, String who) {
        return family(api, school, who, null);
    }

    /** The same, with a phone that takes texts. */
    Family family(Api api, School school, String who, String phone) {
        Family family = familyWithoutCard(api, school, who, phone);
        String customer = stripe.customerWithCard(family.email(), FakeStripe.GOOD_CARD);
        JdbcClient owner = ownerFor(school.catalogue().id());
        owner.sql("""
                        insert into billing_customers (school_id, payee_id, customer_id, default_payment_method,
                                                       method_type, method_brand, method_last4)
                        values (:s, :p, :c, :card, 'card', 'visa', '4242')""")
                .param("s", school.catalogue().id()).param("p", family.payee()).param("c", customer)
                .param("card", FakeStripe.GOOD_CARD).update();
        owner.sql("insert into stripe_customers (customer_id, school_id, payee_id) values (:c, :s, :p)")
                .param("c", customer).param("s", school.catalogue().id()).param("p", family.payee()).update();
        return new Family(family.session(), family.payee(), family.child(), customer, family.email());
    }

    /** A family signed up, its address proven, a child; no card yet (its booking waits for one). */
    Family familyWithoutCard(Api api, School school, String who, String phone) {
        String email = who + "@" + school.catalogue().slug() + ".test";
        school.catalogue().signUpUnverified(api, email);
        ownerFor(school.catalogue().id()).sql("update accounts set email_verified_at = now() where email = :email")
                .param("email", email).update();
        Session session = api.as(school.catalogue().login(api, email));
        session.post("/api/v1/parent/payees/self", "{\"name\": \"" + who + " family\", \"phone\": "
                + (phone == null ? "null" : "\"" + phone + "\"") + "}");
        String child = session.post("/api/v1/parent/students", """
                {"name": "%s kid", "birth_date": "2017-05-01", "instrument_id": "%s",
                 "consent_policy_accepted": true}"""
                .formatted(who, school.piano())).text("id");
        UUID payee = UUID.fromString(session.get("/api/v1/parent/payees/self").text("id"));
        return new Family(session, payee, child, null, email);
    }

    /** The family's ledger by kind, and its balance: "charge 1, payment 1, balance 0". */
    String ledgerOf(School school, Family family) {
        return ownerFor(school.catalogue().id()).sql("""
                        select string_agg(kind || ' ' || n, ', ' order by kind) || ', balance ' || sum(total)
                          from (select kind, count(*) as n, sum(amount_cents) as total from ledger_entries
                                 where payee_id = :payee group by kind) k""")
                .param("payee", family.payee()).query(String.class).single();
    }

    /** The emails to the family beyond its sign-up's, by template: "booking_confirmation 1, …". */
    String emailsTo(Family family) {
        return emailsTo(family, "template");
    }

    /** The same, with where each stands: "booking_confirmation sent 1, …". */
    String emailsAndStatusTo(Family family) {
        return emailsTo(family, "template || ' ' || status");
    }

    private String emailsTo(Family family, String kind) {
        return postgres.superuser(database, """
                select coalesce(string_agg(kind || ' ' || n, ', ' order by kind), '') from (
                    select %s as kind, count(*) as n from email_log
                     where recipient = '%s' and template not in ('verify_email', 'welcome')
                     group by 1) t""".formatted(kind, family.email()));
    }

    /** Waits until every one-off job (billing, emails, texts, events) has run; the recurring sweeps always remain. */
    void awaitNoJobsDue() {
        awaitNoJobsDue(Duration.ofSeconds(60));
    }

    void awaitNoJobsDue(Duration within) {
        await().atMost(within).pollInterval(Duration.ofSeconds(1)).until(() -> postgres.superuser(database,
                "select count(*) from scheduled_tasks where task_instance <> 'recurring'").equals("0"));
    }

    @Override
    public void close() {
        stripe.close();
        drop();
    }

    private void drop() {
        for (String name : List.of(database + "_restore", database)) {
            postgres.superuser("postgres", "drop database if exists " + name + " with (force)");
        }
        postgres.superuser("postgres", "drop role if exists " + app);
        postgres.superuser("postgres", "drop role if exists " + owner);
    }
}
