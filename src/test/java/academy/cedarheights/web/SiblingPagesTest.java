package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.UUID;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A parent on a phone books two children at once: each is offered the free slots of their own instrument; one slot
 * taken meanwhile books neither and says whose it was; then both are held together.
 */
@IntegrationTest
class SiblingPagesTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @LocalServerPort int port;

    @Test
    void aParentBooksTwoChildrenTogether() {
        TestSchool school = schools.create();
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        school.inTerm(today);
        UUID piano = school.instrument("Piano");
        UUID guitar = school.instrument("Guitar");
        int weekday = today.plusDays(3).getDayOfWeek().getValue();
        String day = today.plusDays(3).getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CANADA) + "s";
        school.slot(school.teacher("Ada Keys", true, piano), weekday, "16:00");
        UUID guitarSlot = school.slot(school.teacher("Gus Strings", true, guitar), weekday, "16:00");
        school.slot(school.teacher("Gil Frets", true, guitar), weekday, "17:00");
        String parentEmail = "pat@" + school.slug() + ".test";
        Session parent = api.as(school.signUp(api, parentEmail));
        String ann = child(parent, "Ann", piano, today);
        String bo = child(parent, "Bo", guitar, today);

        Browser browser = Browser.at(school, port).signOut().signIn(parentEmail, TestSchool.PASSWORD).phone();
        browser.open("/parent").clickText("Book for several children");
        browser.waitForPath("/parent/book-together");
        assertThat(browser.text("#slot_" + ann)).contains("Ada Keys").doesNotContain("Gus Strings");
        assertThat(browser.text("#slot_" + bo)).contains("Gus Strings").doesNotContain("Ada Keys");
        browser.accessible();

        browser.choose("#slot_" + ann, day + " at 16:00 with Ada Keys").choose("#slot_" + bo, day + " at 16:00 with Gus Strings")
                .click("input[name=billing_plan][value=monthly]");
        school.activeEnrollment(school.student(school.payee("Quick Family"), "Quick", guitar), guitarSlot);
        browser.submit("main form button[type=submit]");
        assertThat(browser.text("#problem")).contains("Bo's slot").contains("nothing was booked");
        assertThat(parent.get("/api/v1/parent/bookings").json().size()).isZero();

        browser.choose("#slot_" + ann, day + " at 16:00 with Ada Keys").choose("#slot_" + bo, day + " at 17:00 with Gil Frets")
                .click("input[name=billing_plan][value=monthly]").submit("main form button[type=submit]");
        browser.waitForPath("/parent");
        assertThat(browser.pageText()).contains("with Ada Keys").contains("with Gil Frets");
        assertThat(parent.get("/api/v1/parent/bookings").json().size()).isEqualTo(2);
    }

    private static String child(Session parent, String name, UUID instrument, LocalDate today) {
        return parent.post("/api/v1/parent/students", """
                {"name": "%s", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(name, today.minusYears(9), instrument)).text("id");
    }
}
