package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
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
 * The booking page offers a slot only to the children it fits: a guitar pupil cannot pick a piano teacher's slot, a
 * child too young on the first lesson cannot either, and a child added there can only be given an instrument the
 * slot's teacher teaches.
 */
@IntegrationTest
class BookingFitPagesTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @LocalServerPort int port;

    @Test
    void onlyTheChildrenTheSlotFitsCanBeChosen() {
        TestSchool school = schools.create();
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        school.inTerm(today);
        UUID piano = school.instrument("Piano");
        UUID guitar = school.instrument("Guitar");
        UUID slot = school.slot(school.teacher("Ada Keys", true, piano), today.plusDays(3).getDayOfWeek().getValue(),
                "16:00");
        String parentEmail = "pat@" + school.slug() + ".test";
        Session parent = api.as(school.signUp(api, parentEmail));
        parent.post("/api/v1/parent/payees/self", "{\"name\": \"Pat Doe\"}");
        String pianist = child(parent, "Pia", today.minusYears(9), piano);
        String guitarist = child(parent, "Gus", today.minusYears(9), guitar);
        // 18 today, 19 on the first lesson in three days
        String nearlyGrown = child(parent, "Max", today.plusDays(3).minusYears(19), piano);

        Browser browser = Browser.at(school, port).signOut().signIn(parentEmail, TestSchool.PASSWORD).phone();
        browser.open("/book/" + slot);

        assertThat(browser.find("input[value='" + pianist + "']").isEnabled()).isTrue();
        assertThat(browser.find("input[value='" + guitarist + "']").isEnabled()).isFalse();
        assertThat(browser.text("#unfit-" + guitarist)).contains("Ada Keys does not teach their instrument");
        assertThat(browser.find("input[value='" + nearlyGrown + "']").isEnabled()).isFalse();
        assertThat(browser.text("#unfit-" + nearlyGrown)).contains("ages 4 to 18");
        assertThat(browser.text("#instrument_id")).contains("Piano").doesNotContain("Guitar");
        browser.accessible();
    }

    private static String child(Session parent, String name, LocalDate born, UUID instrument) {
        return parent.post("/api/v1/parent/students", """
                {"name": "%s", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(name, born, instrument)).text("id");
    }
}
