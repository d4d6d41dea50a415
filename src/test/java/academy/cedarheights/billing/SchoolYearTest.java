package academy.cedarheights.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.MovableClock;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Terms through the school year, on a moving clock: a semester booking pays for its term and is taught no further, a
 * renewal is announced, charged on the next semester's first day and receipted; a family may opt out; a declined
 * renewal keeps the slot for the grace days, and is paid on a new card or ends. Winter 2027 runs January 4 to March 26,
 * Spring 2027 April 5 to June 18 with Victoria Day (May 24) closed; the slot is Mondays at 4 p.m. in Vancouver.
 */
@IntegrationTest
class SchoolYearTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    static final LocalDate SPRING_STARTS = LocalDate.of(2027, 4, 5);

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @Autowired MovableClock clock;
    @Autowired Renewals renewals;
    @Autowired OutsideMonths months;
    @Autowired TransactionTemplate transaction;

    TestSchool school;
    Session admin;
    UUID piano;
    UUID slot;
    UUID spring;

    @BeforeEach
    void aSchoolWithTwoSemesters() {
        at(LocalDate.of(2027, 3, 1), 9);
        school = schools.create();
        semester("Winter 2027", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 26));
        spring = semester("Spring 2027", SPRING_STARTS, LocalDate.of(2027, 6, 18));
        owner.jdbc().sql("""
                        insert into closures (school_id, semester_id, start_date, end_date, reason)
                        values (:s, :semester, '2027-05-24', '2027-05-24', 'Victoria Day')""")
                .param("s", school.id()).param("semester", spring).update();
        admin = school.admin(api);
        piano = school.instrument("piano");
        slot = school.slot(school.teacher("Ada Keys", true, piano), 1, "16:00");
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aSemesterFamilyPaysForItsTermIsRenewedOnTheNextSemestersFirstDayAndIsTaughtNoFurtherThanItPaid() throws Exception {
        Session parent = family("renews");
        String tracking = bookedAndPaid(parent, "4242 4242 4242 4242");

        JsonNode status = parent.get("/api/v1/parent/bookings/" + tracking + "/status").json();
        assertThat(status.path("paid_through").asString()).as("the last Monday of winter").isEqualTo("2027-03-22");
        assertThat(status.path("renewal").isNull()).isTrue();
        JsonNode account = parent.get("/api/v1/parent/account").json();
        assertThat(account.path("balance").path("amount").asLong()).isZero();
        assertThat(amounts(account)).as("4 lessons × $35.00, paid").containsExactly(-14000L, 14000L);
        Mailbox.Mail receipt = Mailbox.latest(email("renews"), "receipt", "$140.00", "Monday, March 1, 2027");
        assertThat(receipt.text()).contains("Weekly lessons for Kid with Ada Keys, 4 lessons").contains("Visa ending in 4242");
        Answer receiptPage = page(parent, receipt.path("/receipts/"));
        assertThat(receiptPage.status()).isEqualTo(200);
        assertThat(receiptPage.body()).contains("140.00 CAD").contains("March 1, 2027 to March 22, 2027");
        assertThat(page(family("stranger"), receipt.path("/receipts/")).status()).as("another family's").isEqualTo(404);
        String chargeId = account.path("entries").get(1).path("id").asString();
        assertThat(page(parent, "/receipts/" + chargeId).status()).as("a charge has no receipt").isEqualTo(404);
        assertThat(pdfText(parent, receipt.path("/receipts/") + "/pdf")).contains("School " + school.slug())
                .contains("140.00 CAD").contains("Visa ending in 4242").contains("March 1, 2027 to March 22, 2027");
        assertThat(taughtOn(LocalDate.of(2027, 3, 22))).isTrue();
        assertThat(taughtOn(SPRING_STARTS)).as("not paid yet").isFalse();

        at(LocalDate.of(2027, 3, 22), 10);
        assertThat(sweep()).isEqualTo(1);
        assertThat(sweep()).as("announced once").isZero();
        Mailbox.Mail notice = Mailbox.latest(email("renews"), "Spring 2027");
        assertThat(notice.subject()).isEqualTo("Kid's lessons continue in Spring 2027");
        assertThat(notice.text()).contains("10 lessons, from Monday, April 5, 2027 to Monday, June 14, 2027")
                .contains("On Monday, April 5, 2027 the payment method on file will be charged $350.00");
        assertThat(page(parent, notice.path("/parent/renewals/")).body()).contains("Don't continue next term");
        assertThat(notice.path("/parent/renewals/")).isEqualTo("/parent/renewals/" + tracking);
        JsonNode listed = admin.get("/api/v1/admin/renewals?semester_id=" + spring).json();
        assertThat(listed.path("items").get(0).path("state").asString()).isEqualTo("notice_sent");
        assertThat(listed.path("items").get(0).path("amount").path("amount").asLong()).isEqualTo(35000);
        assertThat(listed.path("items").get(0).path("charge_on").asString()).isEqualTo("2027-04-05");

        at(SPRING_STARTS, 8);
        sweep();
        await().atMost(Duration.ofSeconds(15)).until(() -> "charged".equals(renewalState(parent, tracking)));
        assertThat(parent.get("/api/v1/parent/bookings/" + tracking + "/status").text("paid_through"))
                .isEqualTo("2027-06-14");
        assertThat(taughtOn(SPRING_STARTS)).isTrue();
        assertThat(taughtOn(LocalDate.of(2027, 5, 24))).as("Victoria Day").isFalse();
        JsonNode after = parent.get("/api/v1/parent/account").json();
        assertThat(amounts(after)).containsExactlyInAnyOrder(-14000L, 14000L, -35000L, 35000L);
        assertThat(after.path("balance").path("amount").asLong()).isZero();
        assertThat(Mailbox.latest(email("renews"), "receipt", "$350.00", "Monday, April 5, 2027").subject())
                .isEqualTo("Your receipt from " + "School " + school.slug());
        assertThat(sweep()).as("charged once").isZero();
    }

    @Test
    void aFamilyThatDoesNotRenewIsNotChargedAndItsSlotFreesAfterItsLastPaidLesson() {
        Session parent = family("leaves");
        String tracking = bookedAndPaid(parent, "4242 4242 4242 4242");
        at(LocalDate.of(2027, 3, 22), 10);
        sweep();

        Answer stranger = family("nosy").post("/api/v1/parent/bookings/" + tracking + "/renewal", "{\"renew\": false}");
        assertThat(stranger.status()).as("not theirs").isEqualTo(404);
        assertThat(parent.post("/api/v1/parent/bookings/" + tracking + "/renewal", "{}").errorFields())
                .containsExactly("renew");
        assertThat(parent.post("/api/v1/parent/bookings/" + tracking + "/renewal", "{\"renew\": false}").text("state"))
                .isEqualTo("opted_out");
        assertThat(parent.post("/api/v1/parent/bookings/" + tracking + "/renewal", "{\"renew\": true}").text("state"))
                .as("changed their mind").isEqualTo("notice_sent");
        parent.post("/api/v1/parent/bookings/" + tracking + "/renewal", "{\"renew\": false}");
        assertThat(status(parent, tracking)).as("its last lesson is today").isEqualTo("active");

        at(LocalDate.of(2027, 3, 23), 9);
        sweep();
        assertThat(status(parent, tracking)).isEqualTo("ended");
        assertThat(available()).isTrue();
        at(SPRING_STARTS, 9);
        sweep();
        assertThat(amounts(parent.get("/api/v1/parent/account").json())).as("nothing more charged").hasSize(2);
    }

    @Test
    void aDeclinedRenewalKeepsTheSlotForTheGraceDaysThenTheEnrollmentEnds() {
        Session parent = family("declined");
        String tracking = renewalDeclined(parent);
        Mailbox.Mail failed = Mailbox.latest(email("declined"), "did not go through", "$350.00");
        assertThat(failed.text()).contains("Kid's lessons").contains("card_declined");
        assertThat(status(parent, tracking)).as("kept for the grace days").isEqualTo("active");
        assertThat(available()).isFalse();
        assertThat(taughtOn(SPRING_STARTS)).as("not paid").isFalse();

        at(LocalDate.of(2027, 4, 12), 7);
        sweep();
        assertThat(status(parent, tracking)).as("7 days less an hour").isEqualTo("active");
        at(LocalDate.of(2027, 4, 12), 9);
        sweep();
        assertThat(status(parent, tracking)).isEqualTo("ended");
        assertThat(available()).isTrue();
        assertThat(Mailbox.latest(email("declined"), "has ended").text()).contains("the renewal was not paid within 7 days");
    }

    @Test
    void aDeclinedRenewalIsPaidOnTheNewCardTheFamilyAdds() {
        Session parent = family("recovers");
        String tracking = renewalDeclined(parent);

        at(LocalDate.of(2027, 4, 6), 12);
        addCard(parent, "4242 4242 4242 4242");

        await().atMost(Duration.ofSeconds(15)).until(() -> "charged".equals(renewalState(parent, tracking)));
        assertThat(parent.get("/api/v1/parent/bookings/" + tracking + "/status").text("paid_through")).isEqualTo("2027-06-14");
        JsonNode account = parent.get("/api/v1/parent/account").json();
        assertThat(account.path("balance").path("amount").asLong()).isZero();
        assertThat(amounts(account)).containsExactlyInAnyOrder(-14000L, 14000L, -35000L, 35000L);
    }

    @Test
    void aRenewalNotYetChargedFollowsTheCalendarAndTheFamilyIsToldTheNewTerms() {
        Session parent = family("follows");
        String tracking = bookedAndPaid(parent, "4242 4242 4242 4242");
        at(LocalDate.of(2027, 3, 22), 10);
        sweep();

        Answer closed = admin.post("/api/v1/admin/semesters/" + spring + "/closures", """
                {"start_date": "2027-04-19", "end_date": "2027-04-19", "reason": "Staff day"}""");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(201);
        assertThat(renewal(parent, tracking).path("amount").path("amount").asLong()).as("9 lessons").isEqualTo(31500);
        assertThat(Mailbox.latest(email("follows"), "Spring 2027", "$315.00").text()).contains("9 lessons");

        assertThat(admin.delete("/api/v1/admin/semesters/" + spring).status()).isEqualTo(204);
        assertThat(renewal(parent, tracking).isNull()).as("withdrawn with its semester").isTrue();
        Answer again = admin.post("/api/v1/admin/semesters", """
                {"name": "Spring term", "start_date": "2027-04-05", "end_date": "2027-06-11"}""");
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        JsonNode renewed = renewal(parent, tracking);
        assertThat(renewed.path("charge_on").asString()).as("announced at once").isEqualTo("2027-04-05");
        assertThat(renewed.path("amount").path("amount").asLong()).as("10 Mondays").isEqualTo(35000);
        assertThat(Mailbox.latest(email("follows"), "Spring term").text())
                .contains("10 lessons, from Monday, April 5, 2027 to Monday, June 7, 2027");
    }

    @Test
    void aYearlyFamilyIsChargedForTheLessonsOfItsYearAndALaterSemesterOfThatYearIsRenewedIntoIt() {
        Session parent = family("yearly");
        String kid = child(parent);
        addCard(parent, "4242 4242 4242 4242");
        String tracking = book(parent, kid, "yearly");
        await().atMost(Duration.ofSeconds(15)).until(() -> status(parent, tracking).equals("active"));
        assertThat(parent.get("/api/v1/parent/bookings/" + tracking + "/status").text("paid_through"))
                .as("the year's lessons known today").isEqualTo("2027-06-14");
        assertThat(amounts(parent.get("/api/v1/parent/account").json())).as("14 lessons × $33.00")
                .containsExactly(-46200L, 46200L);

        at(LocalDate.of(2027, 8, 20), 9);
        semester("Fall 2027", LocalDate.of(2027, 9, 6), LocalDate.of(2027, 12, 17));
        assertThat(sweep()).isEqualTo(1);
        JsonNode renewed = renewal(parent, tracking);
        assertThat(renewed.path("charge_on").asString()).as("its first lesson").isEqualTo("2027-09-06");
        assertThat(renewed.path("amount").path("amount").asLong()).as("15 fall Mondays × $33.00").isEqualTo(49500);
        assertThat(Mailbox.latest(email("yearly"), "the coming year").text()).contains("15 lessons");
    }

    @Test
    void aTermBookingWithFewLessonsLeftCoversTheNextSemesterAndStartsAtMostSixtyDaysAhead() {
        at(LocalDate.of(2027, 3, 15), 9);
        Session parent = family("late");
        String kid = child(parent);
        addCard(parent, "4242 4242 4242 4242");

        Answer tooFar = parent.post("/api/v1/parent/bookings", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "semester", "start_date": "2027-05-15"}"""
                .formatted(kid, slot));
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.errorFields()).containsExactly("start_date");

        String tracking = book(parent, kid, "semester");
        await().atMost(Duration.ofSeconds(15)).until(() -> status(parent, tracking).equals("active"));
        assertThat(parent.get("/api/v1/parent/bookings/" + tracking + "/status").text("paid_through"))
                .as("2 winter lessons are fewer than 4: spring comes with them").isEqualTo("2027-06-14");
        assertThat(amounts(parent.get("/api/v1/parent/account").json())).as("12 lessons × $35.00")
                .containsExactly(-42000L, 42000L);
    }

    @Test
    void cancellingATermMidwayCreditsItsUnusedLessonsAndTheFamilysNextChargeSpendsTheCreditFirst() {
        Session parent = family("cancels");
        String tracking = bookedAndPaid(parent, "4242 4242 4242 4242");
        at(LocalDate.of(2027, 3, 9), 9);

        assertThat(page(parent, "/parent/bookings/" + tracking + "/cancel").body())
                .contains("The 2 lessons paid for after today ($70.00) become a credit on your account");
        assertThat(parent.post("/api/v1/parent/bookings/" + tracking + "/cancel", "").text("status")).isEqualTo("cancelled");
        assertThat(parent.post("/api/v1/parent/bookings/" + tracking + "/cancel", "").status()).isEqualTo(409);
        JsonNode credited = parent.get("/api/v1/parent/account").json();
        assertThat(credited.path("balance").path("amount").asLong()).as("the school owes $70.00").isEqualTo(-7000);
        assertThat(credited.path("entries").get(0).path("kind").asString()).isEqualTo("credit");

        String again = book(parent, parent.get("/api/v1/parent/students").json().get(0).path("id").asString(), "semester");
        await().atMost(Duration.ofSeconds(15)).until(() -> status(parent, again).equals("active"));
        JsonNode account = parent.get("/api/v1/parent/account").json();
        assertThat(account.path("balance").path("amount").asLong()).isZero();
        assertThat(amounts(account)).as("12 lessons: $70.00 from the credit, $350.00 by card")
                .containsExactlyInAnyOrder(-14000L, 14000L, -7000L, 42000L, -35000L);
        assertThat(Mailbox.latest(email("cancels"), "receipt", "$350.00").text()).contains("12 lessons");
    }

    @Test
    void aSchoolThatRefundsPaysTheUnusedLessonsBackAndOneThatDoesNotGivesNothing() {
        owner.jdbc().sql("update schools set cancellation_refund = 'refund' where id = :s").param("s", school.id()).update();
        Session parent = family("refunded");
        String tracking = bookedAndPaid(parent, "4242 4242 4242 4242");
        at(LocalDate.of(2027, 3, 9), 9);
        assertThat(page(parent, "/parent/bookings/" + tracking + "/cancel").body())
                .contains("The 2 lessons paid for after today ($70.00) will be refunded to the payment method");

        parent.post("/api/v1/parent/bookings/" + tracking + "/cancel", "");

        await().atMost(Duration.ofSeconds(15)).until(() -> parent.get("/api/v1/parent/account").json().path("entries")
                .valueStream().anyMatch(entry -> entry.path("kind").asString().equals("refund")));
        JsonNode account = parent.get("/api/v1/parent/account").json();
        assertThat(amounts(account)).as("credited, then paid back").containsExactlyInAnyOrder(-14000L, 14000L, -7000L, 7000L);
        assertThat(account.path("balance").path("amount").asLong()).isZero();

        owner.jdbc().sql("update schools set cancellation_refund = 'none' where id = :s").param("s", school.id()).update();
        Session other = family("norefund");
        String kept = bookedAndPaid(other, "4242 4242 4242 4242");
        assertThat(page(other, "/parent/bookings/" + kept + "/cancel").body()).doesNotContain("paid for after today");
        other.post("/api/v1/parent/bookings/" + kept + "/cancel", "");
        assertThat(amounts(other.get("/api/v1/parent/account").json())).hasSize(2);
    }

    @Test
    void anAdminRecordsAnETransferForAFamilyPayingOutsideStripeAndTheBalanceIsZero() {
        Session parent = family("etransfer");
        String kid = child(parent);
        String payee = parent.get("/api/v1/parent/payees/self").text("id");
        Answer enrolled = admin.post("/api/v1/admin/enrollments", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "semester", "activate": true}"""
                .formatted(kid, slot));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        String path = "/api/v1/admin/payees/" + payee;
        assertThat(admin.get(path + "/account").json().path("balance").path("amount").asLong())
                .as("4 lessons owed").isEqualTo(14000);

        assertThat(admin.post(path + "/payments", payment(0, "CAD", "e_transfer")).errorFields())
                .containsExactly("amount.amount");
        assertThat(admin.post(path + "/payments", payment(14000, "USD", "e_transfer")).errorFields())
                .containsExactly("amount.currency");
        assertThat(admin.post(path + "/payments", payment(14000, "CAD", "bitcoin")).errorFields())
                .containsExactly("method");
        assertThat(admin.post("/api/v1/admin/payees/" + UUID.randomUUID() + "/payments",
                payment(14000, "CAD", "cash")).status()).isEqualTo(404);
        assertThat(parent.post(path + "/payments", payment(14000, "CAD", "cash")).status()).isEqualTo(403);
        assertThat(admin.get(path + "/account").json().path("entries")).as("nothing written").hasSize(1);

        Answer recorded = admin.post(path + "/payments", payment(14000, "CAD", "e_transfer"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.text("kind")).isEqualTo("payment");
        JsonNode account = parent.get("/api/v1/parent/account").json();
        assertThat(account.path("balance").path("amount").asLong()).isZero();
        assertThat(account.path("entries").valueStream().map(entry -> entry.path("status").asString()))
                .as("the charge is paid").containsOnly("paid");
        Mailbox.Mail receipt = Mailbox.latest(email("etransfer"), "e-Transfer", "$140.00");
        assertThat(page(parent, receipt.path("/receipts/")).body()).contains("e-Transfer").contains("140.00 CAD");
    }

    @Test
    void aMonthlyFamilyTheSchoolBillsItselfOwesEachNewMonthOnce() {
        Session parent = family("cash");
        String kid = child(parent);
        String payee = parent.get("/api/v1/parent/payees/self").text("id");
        assertThat(admin.post("/api/v1/admin/enrollments", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly", "activate": true}"""
                .formatted(kid, slot)).status()).isEqualTo(201);
        assertThat(amounts(admin.get("/api/v1/admin/payees/" + payee + "/account").json())).as("March")
                .containsExactly(15000L);

        at(LocalDate.of(2027, 3, 20), 9);
        assertThat(outsideMonths()).as("still March").isZero();
        at(LocalDate.of(2027, 4, 1), 9);
        assertThat(outsideMonths()).isEqualTo(1);
        assertThat(outsideMonths()).as("once").isZero();
        JsonNode account = admin.get("/api/v1/admin/payees/" + payee + "/account").json();
        assertThat(account.path("entries").get(0).path("description").asString()).endsWith("April 2027");
        assertThat(account.path("balance").path("amount").asLong()).isEqualTo(30000);
    }

    private int outsideMonths() {
        return TenantContext.callAs(school.id(), () -> transaction.execute(status -> months.charge(school.id())));
    }

    private static String payment(long cents, String currency, String method) {
        return """
                {"amount": {"amount": %d, "currency": "%s"}, "method": "%s", "note": "Interac reference 123"}"""
                .formatted(cents, currency, method);
    }

    // -- the family's way through the year --------------------------------------------------------------------------

    /** A family whose card pays its first term and declines the renewal on the next semester's first day. */
    private String renewalDeclined(Session parent) {
        String tracking = bookedAndPaid(parent, "4000 0000 0000 0341");
        at(LocalDate.of(2027, 3, 22), 10);
        sweep();
        at(SPRING_STARTS, 8);
        sweep();
        await().atMost(Duration.ofSeconds(15)).until(() -> "failed".equals(renewalState(parent, tracking)));
        return tracking;
    }

    private String bookedAndPaid(Session parent, String card) {
        String kid = child(parent);
        addCard(parent, card);
        String tracking = book(parent, kid, "semester");
        await().atMost(Duration.ofSeconds(15)).until(() -> status(parent, tracking).equals("active"));
        return tracking;
    }

    private Session family(String who) {
        return api.as(school.signUp(api, email(who)));
    }

    private String email(String who) {
        return who + "@" + school.slug() + ".test";
    }

    private String child(Session parent) {
        return parent.post("/api/v1/parent/students", """
                {"name": "Kid", "birth_date": "2018-05-01", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(piano)).text("id");
    }

    private String book(Session parent, String kid, String plan) {
        Answer booked = parent.post("/api/v1/parent/bookings", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "%s"}""".formatted(kid, slot, plan));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        return booked.text("tracking_id");
    }

    private void addCard(Session parent, String number) {
        String checkout = URI.create(parent.post("/api/v1/parent/payment-method/setup", "").text("url")).getPath();
        Answer added = api.send(HttpRequest.newBuilder(api.uri(checkout))
                        .POST(HttpRequest.BodyPublishers.ofString("card_number=" + number.replace(' ', '+'))),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }

    /** A page of the school, opened as the signed-in family (its session under the school's /s/ prefix). */
    private Answer page(Session parent, String path) {
        String prefix = "/s/" + school.slug();
        return api.send(HttpRequest.newBuilder(api.uri(prefix + path)).GET(),
                "Cookie", "cedar_session" + prefix.replace('/', '_').replace('-', '_') + "=" + parent.token());
    }

    /** The text of a PDF the family downloads, as PDFBox reads it. */
    private String pdfText(Session parent, String path) throws Exception {
        String prefix = "/s/" + school.slug();
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri(prefix + path))
                .header("Cookie", "cedar_session" + prefix.replace('/', '_').replace('-', '_') + "=" + parent.token())
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private String status(Session parent, String tracking) {
        return parent.get("/api/v1/parent/bookings/" + tracking + "/status").text("status");
    }

    private JsonNode renewal(Session parent, String tracking) {
        return parent.get("/api/v1/parent/bookings/" + tracking + "/status").json().path("renewal");
    }

    private String renewalState(Session parent, String tracking) {
        return parent.get("/api/v1/parent/bookings/" + tracking + "/status").json().path("renewal").path("state")
                .asString(null);
    }

    private static List<Long> amounts(JsonNode account) {
        return account.path("entries").valueStream().map(entry -> entry.path("amount").path("amount").asLong()).toList();
    }

    /** Whether the school's day sheet has the slot's lesson that day. */
    private boolean taughtOn(LocalDate day) {
        return admin.get("/api/v1/admin/attendance?date=" + day).json().valueStream()
                .anyMatch(lesson -> lesson.path("start_time").asString().startsWith("16:00"));
    }

    private boolean available() {
        return api.get("/api/v1/public/timeslots", school.header()).json().valueStream()
                .filter(node -> node.path("id").asString().equals(slot.toString()))
                .findFirst().orElseThrow().path("available").asBoolean();
    }

    private int sweep() {
        return TenantContext.callAs(school.id(), () -> transaction.execute(status -> renewals.sweep(school.id())));
    }

    private UUID semester(String name, LocalDate start, LocalDate end) {
        return owner.jdbc().sql("""
                        insert into semesters (school_id, name, start_date, end_date) values (:s, :name, :a, :b) returning id""")
                .param("s", school.id()).param("name", name).param("a", start).param("b", end).query(UUID.class).single();
    }

    private void at(LocalDate day, int hour) {
        clock.set(day.atTime(LocalTime.of(hour, 0)).atZone(VANCOUVER).toInstant());
    }
}
