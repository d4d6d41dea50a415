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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A card declined at the first charge, as a parent lives it in Chromium: the hold waits, the email says what was
 * asked and links to the payment method page of the family's own school, a card put in its place is charged, and the
 * booking becomes active — at a school on its subdomain, and at one on a domain of its own.
 */
@IntegrationTest
class DeclinedCardJourneyTest {

    static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    static final String DECLINING_CARD = "4000 0000 0000 0002";

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    @Test
    void atASchoolOnItsSubdomain() {
        TestSchool school = aSchoolInTerm();
        journey(school, "http://" + school.slug() + ".cedar.test:" + port);
    }

    @Test
    void atASchoolOnItsOwnDomain() {
        TestSchool school = aSchoolInTerm();
        String domain = "music-" + school.slug() + ".example.test";
        owner.jdbc().sql("update schools set custom_domain = :d where id = :s").param("d", domain)
                .param("s", school.id()).update();
        journey(school, "http://" + domain + ":" + port);
    }

    private void journey(TestSchool school, String base) {
        UUID slot = school.slot(school.teacher("Ada Keys", true, school.instrument("piano")), 2, "16:00");
        String parent = "declined@" + school.slug() + ".test";
        school.signUp(api, parent);
        Browser browser = Browser.at(base).signOut().signIn(parent, TestSchool.PASSWORD);
        browser.open("/book/" + slot).type("#name", "Kid").set("#birth_date", LocalDate.now(VANCOUVER).minusYears(9).toString())
                .choose("#instrument_id", "piano").click("#consent").click("input[name=billing_plan][value=semester]");
        browser.click("main form button[type=submit]").waitForPath("/parent/bookings/");
        String statusPage = browser.path();

        browser.clickText("Add a card").waitForAddress(base + "/billing/simulated-checkout/");
        browser.type("#card_number", DECLINING_CARD).click("form button").waitForText("h1", "Card added");

        Mailbox.Mail declined = Mailbox.latest(parent, "/parent/payment-method", "declined");
        assertThat(declined.subject()).isEqualTo("A payment to School " + school.slug() + " did not go through");
        assertThat(declined.text()).containsPattern("A payment of \\$[1-9][0-9,]*\\.[0-9]{2} for Kid's lessons did not go through: "
                + "the card was declined \\(card_declined\\)\\.");
        String link = declined.link("/parent/payment-method");
        assertThat(link).as("the family's own school").isEqualTo(base + "/parent/payment-method");
        assertThat(browser.open(statusPage).waitForText("#status-value", "provisional").pageText())
                .as("the slot is still held").contains("Kid");

        browser.open(link.substring(base.length())).accessible();
        assertThat(browser.pageText()).contains("School " + school.slug()).contains("Payment method");
        browser.clickText("Replace it").waitForAddress(base + "/billing/simulated-checkout/");
        browser.type("#card_number", "4242 4242 4242 4242").click("form button").waitForText("h1", "Card added");

        browser.open(statusPage).waitForText("#status-value", "active");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                browser.open("/parent/payment-method").text("#payment-method").contains("Visa ending in 4242"));
    }

    private TestSchool aSchoolInTerm() {
        TestSchool school = schools.create();
        LocalDate today = LocalDate.now(VANCOUVER);
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", today.minusDays(30)).param("b", today.plusDays(90)).update();
        return school;
    }
}
