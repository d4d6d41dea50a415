package academy.cedarheights.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The money pages in a real browser: the school records a family's e-Transfer in the console and sees its balance
 * come to zero; the family finds the payment on its Payments page and opens the receipt.
 */
@IntegrationTest
class PaymentsPagesTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @LocalServerPort int port;

    @Test
    void anAdminRecordsAnETransferTheBalanceIsZeroAndTheFamilyOpensItsReceipt() {
        TestSchool school = schools.create();
        LocalDate today = LocalDate.now(ZoneId.of("America/Vancouver"));
        owner.jdbc().sql("insert into semesters (school_id, name, start_date, end_date) values (:s, 'Term', :a, :b)")
                .param("s", school.id()).param("a", today.minusDays(10)).param("b", today.plusDays(90)).update();
        UUID piano = school.instrument("piano");
        UUID slot = school.slot(school.teacher("Ada Keys", true, piano), today.plusDays(2).getDayOfWeek().getValue(), "16:00");
        String parentEmail = "kim@" + school.slug() + ".test";
        Session parent = api.as(school.signUp(api, parentEmail));
        parent.post("/api/v1/parent/payees/self", """
                {"name": "Kim Lee", "phone": "+1 604 555 0101"}""");
        String kid = parent.post("/api/v1/parent/students", """
                {"name": "Kid Kim", "birth_date": "2017-04-02", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(piano)).text("id");
        String ownerEmail = "owner@" + school.slug() + ".test";
        school.allowAdmin(ownerEmail);
        Session admin = api.as(school.signUp(api, ownerEmail));
        assertThat(admin.post("/api/v1/admin/enrollments", """
                {"student_id": "%s", "timeslot_id": "%s", "billing_plan": "semester", "activate": true}"""
                .formatted(kid, slot)).status()).isEqualTo(201);
        String payee = parent.get("/api/v1/parent/payees/self").text("id");
        long owed = admin.get("/api/v1/admin/payees/" + payee + "/account").json().path("balance").path("amount").asLong();
        assertThat(owed).isPositive();

        Browser browser = Browser.at(school, port).signOut().signIn(ownerEmail, TestSchool.PASSWORD);
        browser.open("/admin/families").clickText("Kim Lee");
        browser.clickText("Account and payments");
        assertThat(browser.text("#balance")).contains(String.format(Locale.CANADA, "%,.2f CAD", owed / 100.0));
        browser.type("#amount", "abc").submit("main form button");
        assertThat(browser.text("main .field-error")).contains("must be an amount");
        browser.type("#amount", String.format(Locale.ROOT, "%.2f", owed / 100.0)).choose("#method", "e-Transfer")
                .type("#note", "Interac 4471").submit("main form button");
        browser.waitForText("main", "The payment is recorded");
        assertThat(browser.text("#balance")).contains("0.00 CAD");
        browser.accessible().screenshots("admin-family-account");

        browser.signOut().signIn(parentEmail, TestSchool.PASSWORD).open("/parent").clickText("Payments and receipts");
        assertThat(browser.text("#balance")).contains("Your balance is zero");
        assertThat(browser.text("#entries")).contains("Payment received (e-transfer)").contains("Weekly lessons for Kid Kim");
        browser.accessible().screenshots("parent-payments");
        browser.clickText("Receipt");
        assertThat(browser.title()).startsWith("Receipt");
        assertThat(browser.text("#receipt")).contains("Kim Lee").contains("e-Transfer").contains("Weekly lessons for Kid Kim")
                .contains(String.format(Locale.CANADA, "%,.2f CAD", owed / 100.0)).contains("Interac 4471");
        browser.accessible().screenshots("receipt");
    }
}
