package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The journeys of issue 10 in a real headless Chromium against the running app: a parent books and pays, a
 * cancelled lesson becomes a make-up, a teacher marks a no-show, an admin frees a slot. Each page on the way is
 * checked with axe-core and photographed at phone and desktop widths into {@code target/screenshots/}.
 */
@IntegrationTest
class WebJourneysTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    static final String PASSWORD = "correct horse battery";

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    TestSchool school;
    LocalDate today;
    UUID piano;
    UUID ada;
    UUID tuesdaySlot;
    UUID todaysSlot;
    UUID tomorrowsSlot;
    String adminEmail;

    @BeforeEach
    void aSchoolWithATermTeachersAndSlots() {
        school = schools.create();
        today = LocalDate.now(VANCOUVER);
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", today.minusDays(30)).param("b", today.plusDays(90)).update();
        piano = school.instrument("piano");
        ada = school.teacher("Ada Keys", true, piano);
        tuesdaySlot = school.slot(ada, 2, "16:00");
        todaysSlot = school.slot(ada, today.getDayOfWeek().getValue(), "06:00");
        tomorrowsSlot = school.slot(ada, today.plusDays(1).getDayOfWeek().getValue(), "18:00");
        adminEmail = "owner@" + school.slug() + ".test";
        school.allowAdmin(adminEmail);
        school.signUp(api, adminEmail);
    }

    @Test
    void aNewParentBooksASlotAddsACardAndSeesItActive() {
        Browser browser = Browser.at(school, port).signOut();
        browser.open("/").accessible().screenshots("school");
        // a filter swaps the timetable in place and into the address (htmx, from its webjar's unversioned path)
        browser.choose("#day", "Monday").waitForAddress("day=1").waitForNone("[data-slot='" + tuesdaySlot + "']");
        browser.choose("#day", "Tuesday").waitForAddress("day=2").find("[data-slot='" + tuesdaySlot + "']");
        browser.click("[data-slot='" + tuesdaySlot + "'] a.button").waitForPath("/sign-in");
        browser.accessible().screenshots("sign-in");
        browser.clickText("Create a family account").waitForPath("/sign-up");
        browser.type("#name", "Pat Parent").type("#email", "pat@families.test").type("#password", PASSWORD)
                .click("main button[type=submit]").waitForPath("/verify-email/sent");
        browser.open("/book/" + tuesdaySlot).waitForPath("/verify-email/sent");
        assertThat(browser.pageText()).as("no slot is held before the address is proven").contains("We sent a link");
        browser.open(Mailbox.latest("pat@families.test", school.slug(), "/verify-email").path("/verify-email?token="))
                .submit("main form button").waitForPath("/parent");
        browser.open("/book/" + tuesdaySlot).accessible().screenshots("book");

        browser.type("#name", "Kid").set("#birth_date", today.minusYears(9).toString()).choose("#instrument_id", "piano")
                .click("#consent").click("input[name=billing_plan][value=semester]");
        assertThat(browser.pageText()).contains("lessons ×");
        browser.click("main form button[type=submit]").waitForPath("/parent/bookings/");
        String statusPage = browser.path();
        browser.waitForText("#status-value", "provisional").accessible().screenshots("booking-status");

        browser.clickText("Add a card").waitForAddress("/billing/simulated-checkout/");
        browser.click("form button").waitForText("h1", "Card added");
        browser.clickText("Back to the school").waitForPath("/parent/payment-method");
        browser.open(statusPage).waitForText("#status-value", "active");
        // what the family sees of the card is learned from the provider in the background, a moment later
        await().atMost(Duration.ofSeconds(15)).until(() ->
                browser.open("/parent/payment-method").text("#payment-method").contains("Visa ending in 4242"));
        assertThat(browser.accessible().text("#payment-method")).contains("Replace it");
        browser.open("/parent").accessible().screenshots("parent-portal");
        assertThat(browser.pageText()).contains("Kid").contains("active");
    }

    @Test
    void aLessonCancelledByTheSchoolBecomesAMakeUpTheParentBooks() {
        UUID kid = enrolled("Sam Family", "sam@families.test", "Kid Sam", todaysSlot, "semester");

        Browser browser = Browser.at(school, port).signOut().signIn(adminEmail, PASSWORD);
        browser.open("/admin").accessible().screenshots("admin-dashboard");
        browser.click("button[aria-label='Kid Sam: cancelled by the school']");
        browser.waitForText("#lesson-" + enrollmentOf(kid) + "-weekly", "cancelled by school");

        browser.signOut().signIn("sam@families.test", PASSWORD).open("/parent/makeups");
        browser.accessible().screenshots("parent-makeups");
        browser.submit("main form button[type=submit]");
        browser.waitForText("main", "booked");
        assertThat(owner.jdbc().sql("select booked_timeslot_id from makeup_credits where school_id = :s")
                .param("s", school.id()).query(UUID.class).single()).isIn(tomorrowsSlot, tuesdaySlot);
    }

    @Test
    void aTeacherMarksANoShowInOneClick() {
        UUID kid = enrolled("Noa Family", "noa@families.test", "Kid Noa", todaysSlot, "monthly");
        school.signUp(api, "ada.keys@" + school.slug() + ".test");

        Browser browser = Browser.at(school, port).signOut().signIn("ada.keys@" + school.slug() + ".test", PASSWORD);
        browser.open("/teacher").accessible().screenshots("teacher");
        browser.click("button[aria-label='Kid Noa: no-show']");
        browser.waitForText("#lesson-" + enrollmentOf(kid) + "-weekly", "no show");

        await().atMost(Duration.ofSeconds(10)).until(() -> owner.jdbc().sql(
                        "select count(*) from email_log where school_id = :s and template = 'no_show_notice'")
                .param("s", school.id()).query(Long.class).single() == 1);

        UUID makeUp = makeUpToday(kid, school.slot(ada, today.getDayOfWeek().getValue(), "07:00"));
        browser.open("/teacher").click("button[aria-label=\"Kid Noa's make-up: present\"]");
        browser.waitForText("#lesson-" + makeUp + "-makeup", "present");
        assertThat(owner.jdbc().sql("select status from makeup_credits where id = :c").param("c", makeUp)
                .query(String.class).single()).isEqualTo("used");
        browser.open("/admin").path();
        assertThat(browser.pageText()).as("a teacher is not an admin").contains("not for your account");
    }

    @Test
    void anAdminCancelsAnEnrollmentAndTheSlotIsOpenAgain() {
        enrolled("Lee Family", "lee@families.test", "Kid Lee", tuesdaySlot, "monthly");
        Browser browser = Browser.at(school, port).signOut();
        browser.open("/");
        assertThat(browser.all("[data-slot='" + tuesdaySlot + "']")).as("held").isEmpty();

        browser.signIn(adminEmail, PASSWORD).open("/admin/enrollments").accessible().screenshots("admin-enrollments");
        browser.submit("a[aria-label=\"Cancel Kid Lee's enrollment\"]");
        assertThat(browser.text("h1")).isEqualTo("Cancel Kid Lee's lessons?");
        browser.accessible().screenshots("admin-confirm-cancel");
        browser.type("#reason", "moved away").submit("main form button.danger");
        browser.waitForText("main", "cancelled");

        browser.open("/");
        assertThat(browser.all("[data-slot='" + tuesdaySlot + "']")).as("open again").hasSize(1);
    }

    @Test
    void strangersSeeFriendlyPagesNotStackTraces() {
        Browser browser = Browser.at(school, port).signOut();
        browser.open("/no-such-page");
        assertThat(browser.text("h1")).contains("could not find");
        browser.accessible().screenshots("not-found");
        browser.open("/admin");
        assertThat(browser.path()).startsWith("/sign-in?next=");
        browser.open("/book/" + UUID.randomUUID());
        assertThat(browser.path()).as("booking needs a family account").startsWith("/sign-in");
    }

    /** A family with a child holding a slot, signed up so the parent can sign in; returns the child's id. */
    private UUID enrolled(String parent, String email, String child, UUID slot, String plan) {
        school.signUp(api, email);
        UUID payee = owner.jdbc().sql("select id from payees where school_id = :s and email = :e")
                .param("s", school.id()).param("e", email).query(UUID.class).single();
        owner.jdbc().sql("update payees set name = :n where id = :p").param("n", parent).param("p", payee).update();
        UUID kid = school.student(payee, child, piano);
        owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date)
                        values (:s, :st, :slot, :plan, 'active', :start)""")
                .param("s", school.id()).param("st", kid).param("slot", slot).param("plan", plan)
                .param("start", today.minusDays(14)).update();
        return kid;
    }

    /** A make-up lesson of the child's booked for today in another slot, as a family would have booked it. */
    private UUID makeUpToday(UUID kid, UUID slot) {
        UUID semester = owner.jdbc().sql("select id from semesters where school_id = :s").param("s", school.id())
                .query(UUID.class).single();
        return owner.jdbc().sql("""
                        insert into makeup_credits (school_id, student_id, enrollment_id, semester_id, source_lesson_date,
                                                    status, expires_on, booked_timeslot_id, booked_date)
                        values (:s, :k, :e, :m, :missed, 'booked', :expires, :slot, :today) returning id""")
                .param("s", school.id()).param("k", kid).param("e", enrollmentOf(kid)).param("m", semester)
                .param("missed", today.minusWeeks(1)).param("expires", today.plusDays(90)).param("slot", slot)
                .param("today", today).query(UUID.class).single();
    }

    private UUID enrollmentOf(UUID kid) {
        return owner.jdbc().sql("select id from enrollments where student_id = :k").param("k", kid)
                .query(UUID.class).single();
    }
}
