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
 * A parent on a phone joins the waitlist for a full teacher; when the school ends the enrollment holding the slot, the
 * offer's email link opens the offer, the parent accepts it with a plan and lands on the booking; the school's
 * waitlist page showed the family in line and the slot held for it.
 */
@IntegrationTest
class WaitlistPagesTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    @Test
    void aWaitlistedParentAcceptsAnOfferFromTheEmailLink() {
        TestSchool school = schools.create();
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        school.inTerm(today);
        UUID piano = school.instrument("Piano");
        int weekday = today.plusDays(3).getDayOfWeek().getValue();
        UUID slot = school.slot(school.teacher("Ada Keys", true, piano), weekday, "16:00");
        UUID holding = school.activeEnrollment(school.student(school.payee("Holding Family"), "Holder", piano), slot);
        String parentEmail = "pat@" + school.slug() + ".test";
        Session parent = api.as(school.signUp(api, parentEmail));
        String kid = parent.post("/api/v1/parent/students", """
                {"name": "Kid", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(today.minusYears(9), piano)).text("id");
        String adminEmail = "owner@" + school.slug() + ".test";
        school.allowAdmin(adminEmail);
        Session admin = api.as(school.signUp(api, adminEmail));

        Browser browser = Browser.at(school, port).signOut().signIn(parentEmail, TestSchool.PASSWORD).phone();
        browser.open("/parent").clickText("Waitlist");
        browser.waitForPath("/parent/waitlist").choose("#student_id", "Kid")
                .click("input[name=weekdays][value='" + weekday + "']").type("#earliest", "15:00");
        browser.accessible().submit("main form.card button[type=submit]");
        assertThat(browser.text("#wishes")).contains("Kid").contains("Piano").contains("waiting");

        assertThat(admin.post("/api/v1/admin/enrollments/" + holding + "/cancel", "{\"reason\": \"moving away\"}")
                .status()).isEqualTo(200);
        String link = Mailbox.latest(parentEmail, "/parent/offers/").link("/parent/offers/");
        assertThat(link).startsWith("http://" + school.slug() + ".cedar.test:" + port + "/parent/offers/");

        browser.open(link.substring(link.indexOf("/parent/offers/")));
        assertThat(browser.text("#offer")).contains("at 16:00 with Ada Keys").contains("Held for you until");
        browser.accessible();
        browser.submit("main form.card button[type=submit]");
        assertThat(browser.text("main .field-error")).contains("Please choose a plan");
        browser.click("input[name=billing_plan][value='MONTHLY'], input[name=billing_plan][value='monthly']")
                .submit("main form.card button[type=submit]");
        browser.waitForPath("/parent/bookings/");
        assertThat(browser.pageText()).contains("Ada Keys");
        browser.screenshots("offer-accepted");

        browser.signOut().signIn(adminEmail, TestSchool.PASSWORD).open("/admin/waitlist");
        assertThat(browser.pageText()).contains("Nobody is waiting");
        assertThat(owner.jdbc().sql("""
                        select count(*) from enrollments e join students st on st.id = e.student_id
                         where e.timeslot_id = :t and st.name = 'Kid' and e.status = 'provisional'""")
                .param("t", slot).query(Long.class).single()).isEqualTo(1);
    }
}
