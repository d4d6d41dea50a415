package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin console in Chromium: every page passes axe-core, and its forms write through the same services as the API. */
@IntegrationTest
class AdminConsolePagesTest {

    static final String PASSWORD = "correct horse battery";
    static final List<String> CONSOLE = List.of("/admin", "/admin/timetable", "/admin/enrollments", "/admin/makeups",
            "/admin/families", "/admin/teachers", "/admin/instruments", "/admin/rooms", "/admin/semesters",
            "/admin/emails", "/admin/dead-letters", "/admin/audit", "/admin/privacy", "/admin/settings",
            "/admin/invitations", "/account/sessions");

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    TestSchool school;
    Browser browser;
    UUID piano;
    UUID ada;

    @BeforeEach
    void anAdminSignedIn() {
        school = schools.create();
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", today.minusDays(30)).param("b", today.plusDays(90)).update();
        piano = school.instrument("piano");
        ada = school.teacher("Ada Keys", true, piano);
        String admin = "owner@" + school.slug() + ".test";
        school.allowAdmin(admin);
        school.signUp(api, admin);
        browser = Browser.at(school, port).signOut().signIn(admin, PASSWORD);
    }

    @Test
    void everyConsolePageOpensAndPassesTheAccessibilityCheck() {
        for (String page : CONSOLE) {
            browser.open(page);
            assertThat(browser.find("h1").getText()).as(page).isNotBlank();
            assertThat(browser.pageText()).as(page).doesNotContain("Something went wrong");
            browser.accessible().screenshots("admin" + page.substring("/admin".length()).replace('/', '-'));
        }
    }

    @Test
    void familiesUnseenForThreeYearsAreOfferedForErasureAndTheSchoolErasesOneForThatReason() {
        UUID gone = familySeen("Olga Olsen", "4 years");
        familySeen("Nina Nguyen", "1 year");
        UUID between = familySeen("Ravi Rao", "4 years");
        school.activeEnrollment(school.student(between, "Rani Rao", piano), school.slot(ada, 2, "16:00"));

        browser.open("/admin/privacy").accessible();
        assertThat(browser.text("#inactive")).contains("Olga Olsen").doesNotContain("Nina Nguyen", "Ravi Rao");
        browser.submit("#inactive a[aria-label=\"Erase Olga Olsen's personal data\"]");
        assertThat(browser.text("#why")).contains("3 years");
        browser.click("input[name=understood]").submit("main form button.danger");
        browser.waitForText("main [role=status]", "The family's personal data is erased");
        assertThat(owner.jdbc().sql("select summary ->> 'why' from audit_log where school_id = :s and action = 'family.erased'")
                .param("s", school.id()).query(String.class).single()).isEqualTo("no lesson or payment for 3 years");
        browser.open("/admin/privacy");
        assertThat(browser.text("main")).as("an erased family is offered no more").doesNotContain("Olga Olsen")
                .doesNotContain("Erased family " + gone.toString().substring(0, 8));
    }

    /** A family on the books for years whose last charge was {@code ago}. */
    private UUID familySeen(String name, String ago) {
        UUID payee = school.payee(name);
        owner.jdbc().sql("update payees set created_at = now() - interval '5 years' where id = :p").param("p", payee).update();
        owner.jdbc().sql("""
                        insert into ledger_entries (school_id, payee_id, kind, status, amount_cents, currency, description,
                                                    occurred_at)
                        values (:s, :p, 'charge', 'paid', 12000, 'CAD', 'Lessons', now() - cast(:ago as interval))""")
                .param("s", school.id()).param("p", payee).param("ago", ago).update();
        return payee;
    }

    @Test
    void aFormShowsItsErrorBesideTheFieldThenSaves() {
        browser.open("/admin/instruments").type("#name", " ").submit("main form[action='/admin/instruments'] button");
        assertThat(browser.text("main .field-error")).startsWith("Name");
        browser.type("#name", "cello").submit("main form[action='/admin/instruments'] button");
        browser.waitForText("main ul", "cello");

        browser.open("/admin/settings").type("#monthly", "lots").submit("main form button[type=submit]");
        assertThat(browser.pageText()).contains("must be an amount such as 140.00");
        browser.type("#monthly", "155.50").type("#makeup_allowance_per_semester", "3").submit("main form button[type=submit]");
        browser.waitForText("main", "Saved.");
        assertThat(owner.jdbc().sql("select monthly_price_cents from schools where id = :s").param("s", school.id())
                .query(Long.class).single()).isEqualTo(15550);
        browser.open("/admin/audit");
        assertThat(browser.pageText()).contains("instrument.created").contains("settings.updated");
        browser.accessible();
        browser.open("/admin/audit?from=2099-01-01");
        assertThat(browser.pageText()).contains("Nothing recorded").doesNotContain("settings.updated");
        browser.open("/admin/audit?from=2026-12-02&to=2026-12-01");
        assertThat(browser.text("main .field-error")).contains("must not be before the first");
    }

    @Test
    void anAdminEditsATeacherAndMakesThemInactive() {
        browser.open("/admin/teachers").submit("a[aria-label='Edit Ada Keys']");
        browser.accessible().screenshots("admin-teacher");
        browser.type("#pay_per_lesson", "45.00").type("#bio", "Piano, from first notes to grade 8.")
                .click("input[name=active]").submit("main form button[type=submit]");
        assertThat(browser.path()).isEqualTo("/admin/teachers");
        var row = owner.jdbc().sql("select pay_per_lesson_cents, active, bio from teachers where id = :t").param("t", ada)
                .query().singleRow();
        assertThat(row).containsEntry("pay_per_lesson_cents", 4500L).containsEntry("active", false)
                .containsEntry("bio", "Piano, from first notes to grade 8.");
    }

    @Test
    void anAdminAddsASlotAndAssignsItActive() {
        browser.open("/admin/timetable?teacher=" + ada).choose("#weekday", "Wednesday").set("#start_time", "15:30")
                .submit("main form[method='post'][action='/admin/timetable'] button");
        browser.waitForText("main", "15:30");
        UUID kid = school.student(school.payee("Ray Family"), "Kid Ray", piano);

        browser.open("/admin/enrollments?pupil=ray").choose("#student_id", "Kid Ray").choose("#timeslot_id", "Wednesday 15:30, Ada Keys")
                .choose("#billing_plan", "semester").click("input[name=activate]")
                .submit("main form[method='post'][action='/admin/enrollments'] button");
        browser.waitForText("main table", "Kid Ray");
        assertThat(owner.jdbc().sql("select status from enrollments where student_id = :k").param("k", kid)
                .query(String.class).single()).isEqualTo("active");
        browser.open("/admin/timetable?teacher=" + ada);
        assertThat(browser.pageText()).contains("Kid Ray");
    }
}
