package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * The families of a school of hundreds in the console: every family can be found and paged to, opened (which the
 * audit log records), edited, given a child, and assigned a slot from its page.
 */
@IntegrationTest
class FamilyConsolePagesTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    TestSchool school;
    Browser browser;
    String admin;
    UUID piano;
    UUID pat;

    @BeforeEach
    void aSchoolOfTwoHundredAndFiftyFamilies() {
        school = schools.create();
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        school.inTerm(today);
        piano = school.instrument("piano");
        UUID ada = school.teacher("Ada Keys", true, piano);
        owner.jdbc().sql("""
                        insert into payees (school_id, name, email)
                        select :s, 'Family ' || lpad(n::text, 3, '0'), 'family' || n || '@families.test'
                          from generate_series(1, 249) n""")
                .param("s", school.id()).update();
        pat = school.payee("Pat Doe");
        UUID zed = school.student(pat, "Zed Doe", piano);
        UUID lessons = school.activeEnrollment(zed, school.slot(ada, 1, "16:00"));
        owner.jdbc().sql("""
                        insert into ledger_entries (school_id, payee_id, enrollment_id, kind, status, amount_cents,
                                                    currency, description)
                        values (:s, :pat, :e, 'charge', 'open', 12000, 'CAD', 'Weekly lessons for Zed Doe')""")
                .param("s", school.id()).param("pat", pat).param("e", lessons).update();
        admin = "owner@" + school.slug() + ".test";
        school.allowAdmin(admin);
        school.signUp(api, admin);
        browser = Browser.at(school, port).signOut().signIn(admin, TestSchool.PASSWORD);
    }

    @Test
    void everyFamilyIsFoundByAnyNameAndPagedToWithoutACap() {
        long families = owner.jdbc().sql("select count(*) from payees where school_id = :s").param("s", school.id())
                .query(Long.class).single();
        assertThat(families).as("the families and the owner's own record").isEqualTo(251);
        browser.open("/admin/families");
        assertThat(browser.text("main [role=status]")).isEqualTo("251 families");
        assertThat(browser.pageText()).contains("Page 1 of 6");
        browser.open("/admin/families?page=4");
        assertThat(browser.all("#families tbody tr")).hasSize(50);
        String fifthPage = browser.text("#families");
        assertThat(fifthPage).as("by name: Family 001 … Family 249, then the rest").contains("Family 249");
        browser.clickText("Next").waitForText("body", "Page 6 of 6");
        assertThat(fifthPage + browser.text("#families")).contains("Pat Doe");

        browser.open("/admin/families").type("#search", "zed").submit("main form[role=search] button");
        assertThat(browser.text("main [role=status]")).as("found by a child's name").isEqualTo("1 family found");
        assertThat(browser.text("#families")).contains("Pat Doe").contains("Zed Doe");
        browser.open("/admin/families?search=family1_");
        assertThat(browser.text("main [role=status]")).as("an underscore is not a wildcard").isEqualTo("0 families found");
        browser.open("/admin/families?search=family12");
        assertThat(browser.text("main [role=status]")).as("family12, family120…family129").isEqualTo("11 families found");
    }

    @Test
    void theFamilyPageShowsTheChildrenTheirLessonsAndTheAccountAndItsOpeningIsAudited() {
        browser.open("/admin/families?search=pat").clickText("Pat Doe");

        assertThat(browser.text("h1")).isEqualTo("Pat Doe");
        assertThat(browser.text("#balance")).isEqualTo("$120.00");
        assertThat(browser.pageText()).contains("Mondays at 16:00 with Ada Keys").contains("Zed Doe");
        browser.accessible().screenshots("admin-family");
        assertThat(owner.jdbc().sql("""
                        select count(*) from audit_log where school_id = :s and actor = :a and action = 'family.read'
                           and entity_id = :pat and summary ->> 'read' = 'family page'""")
                .param("s", school.id()).param("a", admin).param("pat", pat.toString()).query(Long.class).single())
                .isEqualTo(1);

        browser.type("#notes", "Grandma collects Zed on Mondays.").type("#phone", "not a phone")
                .submit("main form[action$='" + pat + "'] button");
        assertThat(browser.text("main .field-error")).startsWith("Phone");
        browser.type("#phone", "+1 604 555 0142").submit("main form[action$='" + pat + "'] button");
        browser.waitForText("main [role=status]", "Saved.");
        assertThat(browser.text("#contact")).contains("Grandma collects Zed on Mondays.").contains("+1 604 555 0142");

        browser.clickText("Remove Zed Doe");
        assertThat(browser.text("main .field-error")).as("a child holding a slot stays")
                .contains("holds a weekly slot; cancel the enrollment first");

        browser.type("#child_name", "Amy Doe").set("#birth_date", LocalDate.now().minusYears(8).toString())
                .submit("main form[action$='/children'] button");
        assertThat(browser.text("main .field-error")).as("the school's policy, accepted by the family").startsWith("Consent");
        browser.click("#consent_policy_accepted").submit("main form[action$='/children'] button");
        browser.waitForText("main [role=status]", "The child is added.");
        browser.click("#child-" + amy() + " summary").set("#child-birth-" + amy(), LocalDate.now().minusYears(30).toString())
                .submit("#child-" + amy() + " form.filters button");
        assertThat(browser.text("main .field-error")).isEqualTo("Amy Doe: birth date the student must be 4 to 18 years old.");
        browser.click("#child-" + amy() + " summary").type("#child-name-" + amy(), "Amy Jo Doe")
                .submit("#child-" + amy() + " form.filters button");
        browser.waitForText("main [role=status]", "The child's details are saved.");
        browser.clickText("Assign a slot to Amy Jo Doe");
        assertThat(browser.find("#student_id option[selected]").getText()).isEqualTo("Amy Jo Doe");
    }

    private UUID amy() {
        return owner.jdbc().sql("select id from students where school_id = :s and name like 'Amy%'")
                .param("s", school.id()).query(UUID.class).single();
    }

    @Test
    void aFamilyIsAskedToThePortalAndItsLinkOpensTheSignUpPage() {
        browser.open("/admin/families/" + pat).clickText("Invite to the parent portal");
        browser.waitForText("main [role=status]", "asked to the parent portal");

        Mailbox.Mail invitation = Mailbox.latest("pat.doe@families.test", school.slug(), "/sign-up");
        assertThat(invitation.subject()).startsWith("Your family's lessons at");
        assertThat(invitation.text()).contains("pat.doe@families.test");
        browser.signOut().open(invitation.path("/sign-up"));
        assertThat(browser.text("h1")).isEqualTo("Create a family account");
        assertThat(owner.jdbc().sql("select count(*) from audit_log where school_id = :s and action = 'family.invited'")
                .param("s", school.id()).query(Long.class).single()).isEqualTo(1);

        // the invitation is the school's news: its family may stop them, and the school cannot send another
        browser.open(invitation.path("/unsubscribe/")).submit("main form button[type=submit]");
        assertThat(browser.pageText()).contains("You will no longer receive the school's invitations and news.");
        browser.signIn(admin, TestSchool.PASSWORD).open("/admin/families/" + pat).clickText("Invite to the parent portal")
                .waitForText("body", "unsubscribed from the school's invitations and news");
        assertThat(Mailbox.all("pat.doe@families.test", school.slug(), "/sign-up")).hasSize(1);
    }

    @Test
    void theSchoolErasesAFamilyOnItsRequestOnceConfirmedAndItsLedgerKeepsOnlyThePseudonym() {
        browser.open("/admin/families/" + pat).clickText("Erase the family's personal data on its request");
        assertThat(browser.text("h1")).isEqualTo("Erase Pat Doe's personal data?");
        browser.accessible().submit("main form button.danger");
        assertThat(browser.text("main [role=alert]")).isEqualTo("Tick the box to confirm.");

        browser.click("input[name=understood]").submit("main form button.danger");
        browser.waitForText("main [role=status]", "The family's personal data is erased");
        assertThat(browser.text("h1")).isEqualTo("Erased family " + pat.toString().substring(0, 8));
        assertThat(browser.text("#contact")).contains("Erased").doesNotContain("Pat Doe", "Invite")
                .doesNotContain("Erase the family");
        assertThat(browser.pageText()).doesNotContain("Zed Doe");
        assertThat(owner.jdbc().sql("select description from ledger_entries where payee_id = :p").param("p", pat)
                .query(String.class).single()).startsWith("Weekly lessons for Erased pupil ");
        assertThat(owner.jdbc().sql("""
                        select actor || ' ' || (summary ->> 'through') from audit_log
                         where school_id = :s and action = 'family.erased'""")
                .param("s", school.id()).query(String.class).single()).isEqualTo(admin + " the school");
        assertThat(api.get("/api/v1/admin/audit", "Authorization", "Bearer " + school.login(api, admin), "X-School",
                school.slug()).body()).doesNotContain("Pat Doe", "Zed Doe");
    }

    @Test
    void aFamilyIsAddedAndAnotherSchoolsFamilyDoesNotOpen() {
        browser.open("/admin/families").type("#email", "new@families.test").submit("main form[method=post] button");
        assertThat(browser.text("main .field-error")).startsWith("Name");
        browser.type("#name", "Noa New").submit("main form[method=post] button");
        browser.waitForText("main [role=status]", "The family is added.");
        assertThat(browser.text("h1")).isEqualTo("Noa New");

        browser.open("/admin/families").type("#name", "Again").type("#email", "NEW@families.test")
                .submit("main form[method=post] button");
        assertThat(browser.text("main .field-error")).contains("already exists");

        UUID elsewhere = schools.create().payee("Someone Else");
        browser.open("/admin/families/" + elsewhere);
        assertThat(browser.text("h1")).isEqualTo("We could not find that page");
    }

    @Test
    void theSchoolChecksItsSpreadsheetThenImportsIt() throws Exception {
        Path file = Files.createTempFile("families", ".csv");
        Files.writeString(file, "Parent,Email,Student,Date of birth,Instrument\n"
                + "Noa New,noa@families.test,Kai New," + LocalDate.now().minusYears(7) + ",piano\n"
                + "Bad Line,bad@families.test,Lu Bad,yesterday,piano\n");

        browser.open("/admin/import");
        browser.find("#file").sendKeys(file.toString());
        browser.submit("main button[value=check]");

        assertThat(browser.text("#result [role=status]")).isEqualTo(file.getFileName()
                + ": 2 created, 0 updated, 0 already as in the file, 1 refused — nothing was written yet.");
        assertThat(browser.text("#rejected tbody")).isEqualTo("3 birth_date must be a date such as 2017-03-14");
        browser.accessible();
        assertThat(owner.jdbc().sql("select count(*) from payees where school_id = :s and email = 'noa@families.test'")
                .param("s", school.id()).query(Long.class).single()).isZero();

        browser.find("#file").sendKeys(file.toString());
        browser.submit("main button[value=import]");
        assertThat(browser.text("#result h2")).isEqualTo("Imported");
        browser.open("/admin/families?search=kai");
        assertThat(browser.text("#families")).contains("Noa New").contains("Kai New");

        browser.open("/admin/import").submit("main button[value=import]");
        assertThat(browser.text("main .field-error")).isEqualTo("Choose the CSV file to import.");
    }
}
