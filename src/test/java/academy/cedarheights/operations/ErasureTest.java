package academy.cedarheights.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.FakeMailjetAndTwilio;
import academy.cedarheights.support.FakeStripe;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.MovableClock;
import academy.cedarheights.support.Race;
import academy.cedarheights.support.SwitchableGateway;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A family with a year of history at a school billed through the real Stripe client — a monthly booking paid month
 * after month, lessons reminded by email and text and marked with the teacher's notes, a reported absence, a cash
 * payment the admin wrote the parent's name on, changed preferences, an admin's edits, a STOP texted back — asks to be
 * erased. Afterwards no column of any table holds its name, its children's names, its address or its phone, however
 * written; its ledger still has every line and the same balance; it cannot sign in; its slot is free; Stripe's customer
 * is anonymous.
 */
@IntegrationTest
class ErasureTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    /** The Mondays the family's lesson is taught, one a month through the school year. */
    static final List<LocalDate> LESSON_DAYS = List.of(LocalDate.of(2027, 9, 13), LocalDate.of(2027, 10, 4),
            LocalDate.of(2027, 11, 1), LocalDate.of(2027, 12, 6), LocalDate.of(2028, 1, 17), LocalDate.of(2028, 2, 7),
            LocalDate.of(2028, 3, 6), LocalDate.of(2028, 4, 3), LocalDate.of(2028, 5, 1), LocalDate.of(2028, 6, 5));

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @Autowired MovableClock clock;
    @Autowired SwitchableGateway gateway;
    @Autowired Scheduler scheduler;
    @Autowired Retention retention;
    @Autowired TransactionTemplate transaction;

    FakeStripe stripe;
    TestSchool school;
    Session admin;
    UUID piano;
    UUID slot;

    // values no other test writes, so that finding one anywhere means it is this family's
    final String surname = "Okafor" + letters();
    final String parent = "Priya " + surname;
    final String arjun = "Arjun " + surname;
    final String maya = "Maya " + surname;
    final String email = "priya." + surname.toLowerCase() + "@example.test";
    final String phone = "+1 (778) 555-" + (3000 + (int) (Math.random() * 999));
    /** The number the family gives the school at the end of the year: the old one is still in what was sent to it. */
    final String newPhone = "778 555-" + (4000 + (int) (Math.random() * 999));

    @BeforeEach
    void aSchoolBilledByStripe() throws Exception {
        at(LocalDate.of(2027, 8, 25), 9);
        FakeMailjetAndTwilio.acceptEverything();
        stripe = FakeStripe.billing(api, gateway, clock);
        school = schools.create();
        admin = school.admin(api);
        piano = school.instrument("piano");
        semester("Fall 2027", "2027-09-07", "2027-12-17");
        semester("Winter 2028", "2028-01-10", "2028-06-16");
        slot = school.slot(school.teacher("Ada Keys", true, piano), 1, "16:00");
    }

    @AfterEach
    void realTimeAndTheUsualGateway() {
        gateway.reset();
        clock.reset();
        stripe.close();
    }

    @Test
    void anErasedFamilyLeavesNoPersonalValueAnywhereWhileItsLedgerStillBalances() {
        Family family = aYearOfHistory();
        List<String> before = mentions();
        assertThat(before).as("the scan finds the family where a year put it (or it could not fail)")
                .contains("payees.name", "payees.email", "payees.phone", "students.name", "accounts.email",
                        "email_log.recipient", "email_log.body_text", "text_messages.recipient", "text_messages.body",
                        "ledger_entries.note", "attendance.notes", "attendance.marked_by",
                        "audit_log.actor", "audit_log.summary", "consents.by_whom", "text_opt_outs.phone");
        Map<String, Object> ledgerBefore = ledger(family.payee());
        long balanceBefore = balance(family.payee());

        Answer erased = family.session().post("/api/v1/parent/erasure", "");

        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
        assertThat(erased.text("pseudonym")).isEqualTo("Erased family " + family.payee().toString().substring(0, 8));
        assertThat(erased.text("financial_records_kept_until")).isEqualTo("2035-06-10");
        drain();
        assertThat(mentions()).as("columns still holding the family's name, children, address or phone").isEmpty();
        assertThat(ledger(family.payee())).as("every line stays, with its amount").isEqualTo(ledgerBefore);
        assertThat(balance(family.payee())).isEqualTo(balanceBefore);
        assertThat(stripe.personOf(family.customer())).as("Stripe's customer keeps no name, email or phone").isEmpty();
        FakeMailjetAndTwilio.mailjet().verify(getRequestedFor(urlEqualTo(FakeMailjetAndTwilio.CONTACT_PATH
                + email.replace("@", "%40"))));
        FakeMailjetAndTwilio.mailjet().verify(deleteRequestedFor(urlEqualTo("/v4/contacts/"
                + FakeMailjetAndTwilio.CONTACT_ID)));

        Answer audit = admin.get("/api/v1/admin/audit");
        assertThat(audit.body()).contains("family.erased", "the parent portal").doesNotContain(surname.toLowerCase(), surname);

        assertThat(family.session().get("/api/v1/parent/payees/self").status()).as("the session ended").isEqualTo(401);
        assertThat(api.post("/api/v1/auth/login", """
                        {"email": "%s", "password": "%s"}""".formatted(email, TestSchool.PASSWORD),
                "Content-Type", "application/json", "X-School", school.slug()).status()).isEqualTo(401);
        assertThat(owner.jdbc().sql("select status from enrollments where school_id = :s")
                .param("s", school.id()).query(String.class).list()).containsExactly("cancelled");
        assertThat(stripe.subscriptionStatusesOf(family.customer())).as("no more charges at Stripe")
                .containsExactly("canceled");

        Answer again = admin.post("/api/v1/admin/payees/" + family.payee() + "/erasure", "");
        assertThat(again.status()).as("erased once").isEqualTo(409);
    }

    @Test
    void theSchoolErasesOnRequestAndTheFinancialRecordsGoSevenYearsLater() {
        Family family = aFamilyThatBooked();
        TestSchool other = schools.create();
        assertThat(other.admin(api).post("/api/v1/admin/payees/" + family.payee() + "/erasure", "").status())
                .as("another school's admin finds no such family").isEqualTo(404);
        assertThat(api.as(school.signUp(api, "neighbour-" + UUID.randomUUID() + "@example.test"))
                .post("/api/v1/admin/payees/" + family.payee() + "/erasure", "").status())
                .as("a parent is not an admin").isEqualTo(403);

        at(LocalDate.of(2027, 9, 1), 9);
        stripe.billSubscriptionsDue();
        drain();
        Answer erased = admin.post("/api/v1/admin/payees/" + family.payee() + "/erasure", "");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
        drain();
        assertThat(mentions()).isEmpty();
        assertThat(admin.get("/api/v1/admin/payees/" + family.payee()).text("status")).isEqualTo("erased");
        assertThat(admin.put("/api/v1/admin/payees/" + family.payee(), """
                {"name": "%s", "email": "%s", "phone": null, "status": "active"}""".formatted(parent, email)).status())
                .as("an erased family is not written back").isEqualTo(409);
        long lines = ledgerLines(family.payee());
        assertThat(lines).isPositive();

        at(LocalDate.of(2034, 8, 31), 9);
        applyRetention();
        assertThat(ledgerLines(family.payee())).as("kept seven years").isEqualTo(lines);
        at(LocalDate.of(2034, 9, 2), 9);
        applyRetention();
        assertThat(ledgerLines(family.payee())).as("then gone").isZero();
        assertThat(admin.get("/api/v1/admin/payees/" + family.payee()).text("name"))
                .as("the pseudonym stays").startsWith("Erased family ");
    }

    @Test
    void twoAdminsAndTheFamilyErasingAtOnceEraseOnceAndNoneFails() {
        Family family = aFamilyThatBooked();
        Session secondAdmin = school.admin(api);
        List<Integer> statuses = Race.of(List.of(
                () -> admin.post("/api/v1/admin/payees/" + family.payee() + "/erasure", "").status(),
                () -> secondAdmin.post("/api/v1/admin/payees/" + family.payee() + "/erasure", "").status(),
                () -> family.session().post("/api/v1/parent/erasure", "").status()));
        assertThat(statuses).as("the row lock settles it").containsOnlyOnce(202).contains(409)
                // the family's own request, when it comes second, finds its session or its profile gone
                .allMatch(status -> status == 202 || status == 409 || status == 401 || status == 404);
        assertThat(owner.jdbc().sql("select count(*) from audit_log where school_id = :s and action = 'family.erased'")
                .param("s", school.id()).query(Long.class).single()).isEqualTo(1);
        drain();
        assertThat(mentions()).isEmpty();
    }

    // -- the family's year ------------------------------------------------------------------------------------------

    record Family(Session session, UUID payee, String customer, UUID enrollment) {
    }

    private Family aFamilyThatBooked() {
        Session session = api.as(school.signUp(api, email));
        assertThat(session.post("/api/v1/parent/payees/self", """
                {"name": "%s", "phone": "%s"}""".formatted(parent, phone)).status()).as("signing up made the profile")
                .isEqualTo(200);
        String child = child(session, arjun, "2018-03-02");
        child(session, maya, "2020-11-20");
        UUID payee = UUID.fromString(session.get("/api/v1/parent/payees/self").text("id"));
        String customer = stripe.customerWithCard(email, FakeStripe.GOOD_CARD);
        owner.jdbc().sql("""
                        insert into billing_customers (school_id, payee_id, customer_id, default_payment_method,
                                                       method_type, method_brand, method_last4)
                        values (:s, :p, :c, :card, 'card', 'visa', '4242')""")
                .param("s", school.id()).param("p", payee).param("c", customer).param("card", FakeStripe.GOOD_CARD).update();
        owner.jdbc().sql("insert into stripe_customers (customer_id, school_id, payee_id) values (:c, :s, :p)")
                .param("c", customer).param("s", school.id()).param("p", payee).update();
        Answer booked = session.post("/api/v1/parent/bookings", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}""".formatted(child, slot));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        String tracking = booked.text("tracking_id");
        await().atMost(Duration.ofSeconds(20)).until(() -> session
                .get("/api/v1/parent/bookings/" + tracking + "/status").text("status").equals("active"));
        drain();
        return new Family(session, payee, customer, UUID.fromString(booked.text("enrollment_id")));
    }

    private Family aYearOfHistory() {
        Family family = aFamilyThatBooked();
        assertThat(family.session().put("/api/v1/parent/preferences", """
                {"lesson_reminder_emails": true, "lesson_reminder_texts": false}""").status()).isEqualTo(200);
        assertThat(family.session().put("/api/v1/parent/preferences", """
                {"lesson_reminder_emails": true, "lesson_reminder_texts": true}""").status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/admin/payees/" + family.payee(), """
                {"notes": "%s prefers a text; %s is shy in recitals"}""".formatted(parent, arjun)).status()).isEqualTo(200);
        Answer cash = admin.post("/api/v1/admin/payees/" + family.payee() + "/payments", """
                {"amount": {"amount": 2000, "currency": "CAD"}, "method": "cash", "note": "Paid by %s at the desk"}"""
                .formatted(parent));
        assertThat(cash.status()).as(cash.toString()).isEqualTo(201);

        for (LocalDate day : LESSON_DAYS) {
            at(day.withDayOfMonth(1), 9);
            stripe.billSubscriptionsDue();
            drain();
            at(day, 9);
            remindNow();
            drain();
            Answer marked = admin.put("/api/v1/admin/attendance", """
                    {"enrollment_id": "%s", "date": "%s", "status": "present", "notes": "%s worked on scales"}"""
                    .formatted(family.enrollment(), day, arjun));
            assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        }
        at(LocalDate.of(2028, 6, 7), 9);
        Answer absence = family.session().post("/api/v1/parent/absences", """
                {"enrollment_id": "%s", "date": "2028-06-12"}""".formatted(family.enrollment()));
        assertThat(absence.status()).as(absence.toString()).isEqualTo(201);
        Answer stop = FakeMailjetAndTwilio.inboundText(api, phone.replaceAll("[^+0-9]", ""), "STOP",
                FakeMailjetAndTwilio.TWILIO_TOKEN);
        assertThat(stop.status()).as(stop.toString()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/admin/payees/" + family.payee(), """
                {"phone": "%s"}""".formatted(newPhone)).status()).isEqualTo(200);
        at(LocalDate.of(2028, 6, 10), 9);
        return family;
    }

    private String child(Session session, String name, String born) {
        Answer added = session.post("/api/v1/parent/students", """
                {"name": "%s", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(name, born, piano));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.text("id");
    }

    // -- what the database holds ------------------------------------------------------------------------------------

    /**
     * Every text-like column of every table ({@code table.column}) where one of the family's values is written: its
     * names, its address, its phone as entered and as texts were addressed.
     */
    private List<String> mentions() {
        List<String> values = List.of(parent, arjun, maya, email, phone, phone.replaceAll("[^+0-9]", ""), newPhone,
                newPhone.replaceAll("[^0-9]", ""), surname);
        List<String> found = new ArrayList<>();
        owner.jdbc().sql("""
                        select c.table_name, c.column_name from information_schema.columns c
                          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                         where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                           and c.data_type in ('text', 'character varying', 'character', 'USER-DEFINED', 'jsonb', 'json',
                                               'ARRAY', 'bytea')
                           and c.table_name <> 'flyway_schema_history'
                         order by 1, 2""")
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).list()
                .forEach(column -> {
                    String expression = column.get(1).equals("task_data")
                            ? "convert_from(\"task_data\", 'UTF8')" : "\"" + column.get(1) + "\"::text";
                    boolean mentions = owner.jdbc().sql("select exists (select 1 from \"" + column.get(0) + "\" where "
                                    + expression + " ilike any(:patterns))")
                            .param("patterns", values.stream().map(value -> "%" + value + "%").toArray(String[]::new))
                            .query(Boolean.class).single();
                    if (mentions) {
                        found.add(column.get(0) + "." + column.get(1));
                    }
                });
        return found;
    }

    /** The family's ledger lines: id → kind, amount and status. */
    private Map<String, Object> ledger(UUID payee) {
        Map<String, Object> lines = new java.util.TreeMap<>();
        owner.jdbc().sql("select id, kind, amount_cents, status from ledger_entries where payee_id = :p")
                .param("p", payee).query((rs, row) -> lines.put(rs.getString(1),
                        rs.getString(2) + " " + rs.getLong(3) + " " + rs.getString(4))).list();
        return lines;
    }

    private long ledgerLines(UUID payee) {
        return owner.jdbc().sql("select count(*) from ledger_entries where payee_id = :p").param("p", payee)
                .query(Long.class).single();
    }

    private long balance(UUID payee) {
        return admin.get("/api/v1/admin/payees/" + payee + "/account").json().path("balance").path("amount").asLong();
    }

    private void applyRetention() {
        TenantContext.callAs(school.id(), () -> transaction.execute(status -> retention.apply(school.id())));
    }

    /** The reminders' recurring job runs now (it reads the moved clock) and is done. */
    private void remindNow() {
        Instant asked = Instant.now();
        scheduler.reschedule(TaskInstanceId.of("lesson-reminders", "recurring"), asked);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> owner.jdbc().sql(
                        "select last_success from scheduled_tasks where task_name = 'lesson-reminders'")
                .query(Timestamp.class).optional().filter(done -> done.toInstant().isAfter(asked)).isPresent());
    }

    private void drain() {
        owner.awaitJobsDue();
    }

    private void semester(String name, String start, String end) {
        owner.jdbc().sql("""
                        insert into semesters (school_id, name, start_date, end_date)
                        values (:s, :name, cast(:a as date), cast(:b as date))""")
                .param("s", school.id()).param("name", name).param("a", start).param("b", end).update();
    }

    private void at(LocalDate day, int hour) {
        clock.set(day.atTime(LocalTime.of(hour, 0)).atZone(VANCOUVER).toInstant());
    }

    private static String letters() {
        StringBuilder letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 6).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }
}
