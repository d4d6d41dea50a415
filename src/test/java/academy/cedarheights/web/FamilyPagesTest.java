package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The parent portal beyond booking: a child's lessons and absences, the profile, reminders and the data download. */
@IntegrationTest
class FamilyPagesTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    TestSchool school;
    Browser browser;
    UUID kid;

    @BeforeEach
    void aFamilyWithAChildOnASemesterPlan() {
        school = schools.create();
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", today.minusDays(30)).param("b", today.plusDays(90)).update();
        UUID piano = school.instrument("piano");
        UUID slot = school.slot(school.teacher("Ada Keys", true, piano), 3, "16:00");
        school.signUp(api, "kim@families.test");
        UUID payee = owner.jdbc().sql("select id from payees where school_id = :s").param("s", school.id())
                .query(UUID.class).single();
        kid = school.student(payee, "Kid Kim", piano);
        owner.jdbc().sql("""
                        insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date)
                        values (:s, :k, :slot, 'semester', 'active', :start)""")
                .param("s", school.id()).param("k", kid).param("slot", slot).param("start", today.minusDays(20)).update();
        browser = Browser.at(school, port).signOut().signIn("kim@families.test", PASSWORD);
    }

    @Test
    void aParentReportsAnAbsenceWeeksAheadAndEarnsAMakeUp() {
        browser.open("/parent").submit("a[href='/parent/children/" + kid + "']");
        browser.accessible().screenshots("parent-child");
        var reports = browser.all("button[aria-label^='Report Kid Kim away']");
        assertThat(reports).hasSizeGreaterThan(2);
        browser.submit("main tbody tr:last-child button"); // weeks ahead: well over 24 hours

        assertThat(browser.pageText()).contains("a make-up lesson to book");
        assertThat(owner.jdbc().sql("select count(*) from makeup_credits where student_id = :k").param("k", kid)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aParentCancelsOnlyAfterConfirming() {
        browser.open("/parent").submit("a[aria-label=\"Cancel Kid Kim's booking\"]");
        browser.accessible().submit("main a.secondary");
        assertThat(browser.path()).isEqualTo("/parent");
        assertThat(enrollmentStatus()).as("kept").isEqualTo("active");

        browser.submit("a[aria-label=\"Cancel Kid Kim's booking\"]").submit("main form button.danger");
        assertThat(browser.path()).isEqualTo("/parent");
        assertThat(enrollmentStatus()).isEqualTo("cancelled");
        assertThat(browser.all("a[aria-label=\"Cancel Kid Kim's booking\"]")).isEmpty();
    }

    @Test
    void aParentKeepsTheirProfileAndRemindersAndDownloadsTheirData() {
        browser.open("/parent/profile").accessible().screenshots("parent-profile");
        browser.type("#phone", "call me").submit("main form[action='/parent/profile'] button");
        assertThat(browser.text("main .field-error")).startsWith("Phone");
        browser.type("#phone", "+1 604 555 0142").submit("main form[action='/parent/profile'] button");
        browser.waitForText("main", "Saved.");
        browser.click("input[name=lesson_reminder_emails]").submit("main form[action='/parent/preferences'] button");
        assertThat(owner.jdbc().sql("select phone from payees where school_id = :s").param("s", school.id())
                .query(String.class).single()).isEqualTo("+1 604 555 0142");

        Answer export = api.send(HttpRequest.newBuilder(api.uri("/parent/export")).GET(),
                "Cookie", "cedar_session=" + browser.cookie("cedar_session"));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).contains("attachment");
        assertThat(export.body()).contains("Kid Kim").contains("+1 604 555 0142");
    }

    @Test
    void aParentErasesTheirFamilyOnlyAfterReadingWhatGoesAndWhatStays() {
        browser.open("/parent/profile").clickText("Erase your family's personal data");
        browser.accessible().screenshots("parent-erasure");
        assertThat(browser.text("#erased")).contains("birth dates", "sign-in", "slot is free");
        assertThat(browser.text("#kept")).contains("7 years", "Erased family");
        browser.submit("main form button.danger");
        assertThat(browser.text("main [role=alert]")).isEqualTo("Tick the box to confirm.");
        assertThat(enrollmentStatus()).as("nothing happens unconfirmed").isEqualTo("active");
        browser.accessible();

        browser.click("input[name=understood]").submit("main form button.danger");
        assertThat(browser.text("h1")).isEqualTo("Your family's personal data is erased");
        assertThat(browser.text("#kept")).startsWith("The school keeps its charges and payments under the name Erased family ");
        assertThat(enrollmentStatus()).isEqualTo("cancelled");
        assertThat(owner.jdbc().sql("select name from students where id = :k").param("k", kid).query(String.class).single())
                .startsWith("Erased pupil ");
        assertThat(browser.cookie("cedar_session")).as("signed out").isNull();
        browser.open("/parent/profile");
        assertThat(browser.path()).startsWith("/sign-in");
        browser.type("#email", "kim@families.test").type("#password", PASSWORD).click("main button[type=submit]");
        browser.waitForText("main [role=alert]", "");
        assertThat(browser.path()).as("the account is gone").startsWith("/sign-in");
    }

    private String enrollmentStatus() {
        return owner.jdbc().sql("select status from enrollments where student_id = :k").param("k", kid)
                .query(String.class).single();
    }
}
