package academy.cedarheights.families;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The consent ledger as a family and the law read it: every consent and withdrawal a line of its own, with when, how,
 * by whom and for which text; a child under 14 consented for by the guardian; nothing ever overwritten.
 */
@IntegrationTest
class ConsentLedgerTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    TestSchool school;
    UUID piano;

    @BeforeEach
    void aSchool() {
        school = schools.create();
        piano = school.instrument("piano");
    }

    @Test
    void eachChildsPolicyAndEachReminderChoiceIsALineAndAChangeAddsOneWithoutTouchingTheOthers() {
        Session parent = api.as(school.signUp(api, "pat@families.test"));
        // thirteen and a half: the guardian consents for them; fifteen: their own age of consent has come
        parent.post("/api/v1/parent/students", child("Ada", LocalDate.now().minusYears(13).minusMonths(6)));
        parent.post("/api/v1/parent/students", child("Ben", LocalDate.now().minusYears(15)));
        parent.put("/api/v1/parent/preferences", "{\"lesson_reminder_emails\": true, \"lesson_reminder_texts\": false}");
        parent.put("/api/v1/parent/preferences", "{\"lesson_reminder_emails\": true, \"lesson_reminder_texts\": false}");
        parent.put("/api/v1/parent/preferences", "{\"lesson_reminder_emails\": false, \"lesson_reminder_texts\": false}");

        JsonNode ledger = parent.get("/api/v1/parent/consents").json();

        assertThat(lines(ledger)).containsExactly(
                "school_policy Ada granted api by pat@families.test for the child",
                "school_policy Ben granted api by pat@families.test",
                "reminder_emails granted api by pat@families.test",
                "reminder_texts withdrawn api by pat@families.test",
                "reminder_emails withdrawn api by pat@families.test");
        assertThat(ledger.get(0).path("text_version").asString()).as("the hash of the statement accepted")
                .matches("sha256:[0-9a-f]{64}").isEqualTo(ledger.get(1).path("text_version").asString());
        assertThat(ledger.get(2).path("text_version").isNull()).isTrue();
        assertThat(at(ledger.get(4))).isAfterOrEqualTo(at(ledger.get(2)));
        assertThat(parent.get("/api/v1/parent/export").json().path("consents").size()).as("in the export too").isEqualTo(5);
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteALineEvenForTheApplication() {
        Session parent = api.as(school.signUp(api, "kim@families.test"));
        parent.post("/api/v1/parent/students", child("Kid", LocalDate.now().minusYears(9)));

        assertThatThrownBy(() -> asApplication("update consents set granted = false"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> asApplication("delete from consents")).hasMessageContaining("append-only");
        assertThat(parent.get("/api/v1/parent/consents").json().get(0).path("granted").asBoolean()).isTrue();
    }

    @Test
    void aFamilySeesItsOwnLedgerOnlyAndTheSchoolsDeskRecordsItsOwnName() {
        Session pat = api.as(school.signUp(api, "pat@families.test"));
        pat.post("/api/v1/parent/students", child("Pat's kid", LocalDate.now().minusYears(8)));
        Session other = api.as(school.signUp(api, "lee@families.test"));
        Session admin = school.admin(api);
        String leeId = other.get("/api/v1/parent/payees/self").text("id");

        admin.post("/api/v1/admin/students", """
                {"payee_id": "%s", "name": "Lee's kid", "birth_date": "%s", "instrument_id": "%s",
                 "consent_policy_accepted": true}""".formatted(leeId, LocalDate.now().minusYears(10), piano));

        assertThat(lines(other.get("/api/v1/parent/consents").json())).singleElement().asString()
                .startsWith("school_policy Lee's kid granted api by admin-").endsWith("for the child");
        assertThat(pat.get("/api/v1/parent/consents").json().toString()).doesNotContain("Lee's kid");
        assertThat(admin.get("/api/v1/parent/consents").status()).as("a parent's route").isEqualTo(403);
    }

    private void asApplication(String sql) {
        TenantContext.runAs(school.id(), () -> transaction.executeWithoutResult(status -> jdbc.sql(sql).update()));
    }

    private static Instant at(JsonNode line) {
        return Instant.parse(line.path("at").asString());
    }

    /** Each line in words: purpose, child, granted or withdrawn, how, by whom, for a child. */
    private static List<String> lines(JsonNode ledger) {
        List<String> lines = new ArrayList<>();
        ledger.forEach(line -> lines.add(line.path("purpose").asString()
                + (line.path("student").isNull() ? "" : " " + line.path("student").asString())
                + (line.path("granted").asBoolean() ? " granted " : " withdrawn ") + line.path("how").asString()
                + " by " + line.path("by_whom").asString() + (line.path("for_child").asBoolean() ? " for the child" : "")));
        return lines;
    }

    private String child(String name, LocalDate born) {
        return """
                {"name": "%s", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": true}"""
                .formatted(name, born, piano);
    }
}
