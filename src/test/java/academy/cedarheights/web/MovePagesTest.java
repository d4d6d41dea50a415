package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.Mailbox;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A parent on a phone moves their child's lessons to another teacher's slot from the portal: only the slots that fit
 * are offered (a guitar teacher's and a held one are not), a slot already taken meanwhile is explained, and the
 * booking then shows the new slot while the school's console and both teachers learn of it.
 */
@IntegrationTest
class MovePagesTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    @Test
    void aParentMovesALessonFromThePortalAtPhoneWidth() {
        TestSchool school = schools.create();
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        school.inTerm(today);
        UUID piano = school.instrument("Piano");
        int weekday = today.plusDays(3).getDayOfWeek().getValue();
        UUID adaSlot = school.slot(school.teacher("Ada Keys", true, piano), weekday, "16:00");
        UUID ben = school.teacher("Ben Bass", true, piano);
        UUID benSlot = school.slot(ben, weekday, "17:00");
        UUID benTaken = school.slot(ben, weekday, "18:00");
        UUID benLate = school.slot(ben, weekday, "19:00");
        school.slot(school.teacher("Gus Strings", true, school.instrument("Guitar")), weekday, "15:00");
        school.activeEnrollment(school.student(school.payee("Other Family"), "Other", piano), benTaken);
        String parentEmail = "pat@" + school.slug() + ".test";
        Session parent = api.as(school.signUp(api, parentEmail));
        String kid = parent.post("/api/v1/parent/students", """
                {"name": "Kid", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(today.minusYears(9), piano)).text("id");
        String tracking = parent.post("/api/v1/parent/bookings", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "monthly"}""".formatted(kid, adaSlot))
                .text("tracking_id");

        Browser browser = Browser.at(school, port).signOut().signIn(parentEmail, TestSchool.PASSWORD).phone();
        browser.open("/parent").click("a[href$='/move']");
        browser.waitForPath("/parent/bookings/" + tracking + "/move");
        assertThat(browser.text("#current-slot")).contains("16:00 with Ada Keys");
        assertThat(browser.text("main form")).contains("17:00 with Ben Bass")
                .as("a held slot and another instrument's teacher are not offered")
                .doesNotContain("18:00").doesNotContain("Gus Strings");
        browser.accessible();

        browser.submit("main form button[type=submit]");
        assertThat(browser.text("main .field-error")).contains("Please choose a slot");

        browser.click("input[name=timeslot_id][value='" + benLate + "']");
        school.activeEnrollment(school.student(school.payee("Quick Family"), "Quick", piano), benLate);
        browser.submit("main form button[type=submit]");
        assertThat(browser.text("main .field-error")).as("taken while the page was open")
                .contains("already held by another student");
        assertThat(browser.text("main form")).doesNotContain("19:00");

        browser.click("input[name=timeslot_id][value='" + benSlot + "']").submit("main form button[type=submit]");
        browser.waitForPath("/parent/bookings/" + tracking);
        assertThat(browser.pageText()).contains("with Ben Bass");
        browser.screenshots("parent-moved");
        assertThat(Mailbox.latest(parentEmail, "move").subject()).contains("Kid's lessons move to");
        assertThat(Mailbox.latest("ada.keys@" + school.slug() + ".test", "move").text()).contains("with Ben Bass");
    }

    @Test
    void theSchoolMovesAPupilFromTheTimetable() {
        TestSchool school = schools.create();
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        school.inTerm(today);
        UUID piano = school.instrument("Piano");
        int weekday = today.plusDays(3).getDayOfWeek().getValue();
        UUID ada = school.teacher("Ada Keys", true, piano);
        UUID held = school.slot(ada, weekday, "16:00");
        UUID free = school.slot(ada, weekday, "17:00");
        UUID enrollment = school.activeEnrollment(school.student(school.payee("Pat Doe"), "Kid", piano), held);
        String adminEmail = "owner@" + school.slug() + ".test";
        school.allowAdmin(adminEmail);
        school.signUp(api, adminEmail);

        Browser browser = Browser.at(school, port).signOut().signIn(adminEmail, TestSchool.PASSWORD);
        browser.open("/admin/timetable?teacher=" + ada).click("a[href$='/admin/enrollments/" + enrollment + "/move']");
        browser.waitForPath("/admin/enrollments/" + enrollment + "/move");
        browser.accessible();
        browser.click("input[name=timeslot_id][value='" + free + "']").submit("main form button[type=submit]");
        browser.waitForPath("/admin/enrollments");

        assertThat(owner.jdbc().sql("select timeslot_id from enrollments where id = :e").param("e", enrollment)
                .query(UUID.class).single()).isEqualTo(free);
        assertThat(Mailbox.latest("pat.doe@families.test", school.slug() + ".cedar.test", "move").subject())
                .contains("Kid's lessons move to");
    }
}
