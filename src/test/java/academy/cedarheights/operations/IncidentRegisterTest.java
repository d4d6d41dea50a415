package academy.cedarheights.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The privacy incident register: recorded and completed by the school's admins, audited, never deleted, its own. */
@IntegrationTest
class IncidentRegisterTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @LocalServerPort int port;

    TestSchool school;
    Session admin;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void aSchoolAndItsAdmin() {
        school = schools.create();
        admin = school.admin(api);
    }

    @Test
    void anIncidentIsRecordedThenCompletedAndBothAreAudited() {
        Answer recorded = admin.post("/api/v1/admin/incidents", incident("A laptop with the attendance sheets was stolen",
                "no one yet"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String id = recorded.text("id");

        Answer completed = admin.put("/api/v1/admin/incidents/" + id, incident(
                "A laptop with the attendance sheets was stolen", "The Commissioner on " + today + "; 12 families by email"));

        assertThat(completed.status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/admin/incidents").texts("notifications_made"))
                .containsExactly("The Commissioner on " + today + "; 12 families by email");
        assertThat(admin.get("/api/v1/admin/audit").json().findValuesAsString("action"))
                .contains("incident.created", "incident.updated");
    }

    @Test
    void aBadEntryIsRefusedNamingItsFieldAndAnotherSchoolsOrAParentSeesNothing() {
        Answer missing = admin.post("/api/v1/admin/incidents", "{\"found_on\": \"" + today + "\"}");
        Answer backwards = admin.post("/api/v1/admin/incidents", """
                {"what_happened": "x", "happened_on": "%s", "found_on": "%s", "data_affected": "names",
                 "families_affected": 1, "significant_harm": false}""".formatted(today, today.minusDays(3)));
        Answer future = admin.post("/api/v1/admin/incidents", """
                {"what_happened": "x", "found_on": "%s", "data_affected": "names", "families_affected": -1,
                 "significant_harm": false}""".formatted(today.plusDays(30)));
        String id = admin.post("/api/v1/admin/incidents", incident("Emails sent to the wrong family", "")).text("id");
        TestSchool other = schools.create();

        assertThat(missing.errorFields()).contains("what_happened", "data_affected", "families_affected",
                "significant_harm");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errorFields()).containsExactly("happened_on");
        assertThat(future.errorFields()).contains("families_affected");
        assertThat(other.admin(api).get("/api/v1/admin/incidents/" + id).status()).isEqualTo(404);
        assertThat(api.as(school.signUp(api, "pat@families.test")).get("/api/v1/admin/incidents").status())
                .isEqualTo(403);
        assertThatThrownBy(() -> TenantContext.runAs(school.id(), () -> transaction.executeWithoutResult(status ->
                jdbc.sql("delete from incidents").update()))).hasMessageContaining("kept on the register");
    }

    @Test
    void theConsoleRecordsAndCompletesAnIncident() {
        String email = "owner@" + school.slug() + ".test";
        school.allowAdmin(email);
        school.signUp(api, email);
        Browser browser = Browser.at(school, port).signOut().signIn(email, "correct horse battery");

        browser.open("/admin/incidents").submit("main form button[type=submit]");
        assertThat(browser.text("main form")).contains("What happened must not be blank");
        browser.type("#what_happened", "A <b>backup</b> drive was lost").set("#found_on", today.toString())
                .type("#data_affected", "Names and birth dates of children").type("#families_affected", "40")
                .click("#significant_harm").submit("main form button[type=submit]");
        browser.waitForText("main", "Saved.");
        assertThat(browser.text("#incidents tbody")).contains("A <b>backup</b> drive was lost").contains("40")
                .contains("yes").contains("nobody yet");
        browser.accessible().screenshots("admin-incidents");

        browser.click("#incidents tbody a").type("#notifications_made", "The Commissioner, by its online form")
                .submit("main form button[type=submit]");
        browser.waitForText("main", "Saved.");
        assertThat(browser.text("#incidents tbody")).contains("The Commissioner, by its online form");
    }

    private String incident(String what, String told) {
        return """
                {"what_happened": "%s", "happened_on": "%s", "found_on": "%s",
                 "data_affected": "Children's names and lesson times", "families_affected": 12,
                 "significant_harm": true, "notifications_made": "%s"}""".formatted(what, today.minusDays(2), today, told);
    }
}
