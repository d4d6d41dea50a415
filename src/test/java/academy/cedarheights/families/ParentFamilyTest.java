package academy.cedarheights.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.FakeSupabase;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import academy.cedarheights.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A parent's own family, through the parent API: profile, children, export, and nobody else's data. */
@IntegrationTest
class ParentFamilyTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    TestSchool school;
    UUID piano;

    @BeforeEach
    void aSchool() {
        school = schools.create();
        piano = school.instrument("piano");
    }

    @Test
    void aSupabaseParentCreatesTheirProfileOnceAndUpdatesIt() {
        Session parent = supabaseParent("sam@families.test");
        assertThat(parent.get("/api/v1/parent/payees/self").status()).isEqualTo(404);

        Answer first = parent.post("/api/v1/parent/payees/self", "{\"name\": \"Sam Lee\", \"phone\": \"+1 604 555 0199\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.text("email")).isEqualTo("sam@families.test");
        Answer again = parent.post("/api/v1/parent/payees/self", "{\"name\": \"Samantha Lee\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(parent.get("/api/v1/parent/payees/self").text("name")).isEqualTo("Samantha Lee");
        assertThat(parent.post("/api/v1/parent/payees/self", "{\"name\": \"\"}").errorFields()).containsExactly("name");
    }

    @Test
    void aParentAddsChildrenWithConsent() {
        Session parent = api.as(school.signUp(api, "pat@families.test"));

        Answer child = parent.post("/api/v1/parent/students", child("Kid", LocalDate.now().minusYears(8), true));
        assertThat(child.status()).as(child.toString()).isEqualTo(201);
        assertThat(child.text("consent_policy_accepted_at")).isNotBlank();
        assertThat(parent.post("/api/v1/parent/students", child("Baby", LocalDate.now().minusYears(2), true)).errorFields())
                .containsExactly("birth_date");
        assertThat(parent.post("/api/v1/parent/students", child("No", LocalDate.now().minusYears(8), false)).errorFields())
                .containsExactly("consent_policy_accepted");
        assertThat(parent.get("/api/v1/parent/students").texts("name")).containsExactly("Kid");
    }

    @Test
    void childrenNeedAProfileFirst() {
        Session parent = supabaseParent("new@families.test");

        Answer answer = parent.post("/api/v1/parent/students", child("Kid", LocalDate.now().minusYears(8), true));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.text("detail")).contains("payees/self");
    }

    @Test
    void theExportHoldsEverythingAboutTheFamilyAndNothingElse() {
        Session parent = api.as(school.signUp(api, "pat@families.test"));
        parent.post("/api/v1/parent/students", child("Kid", LocalDate.now().minusYears(8), true));
        Session neighbour = api.as(school.signUp(api, "neighbour@families.test"));
        neighbour.post("/api/v1/parent/students", child("Other Kid", LocalDate.now().minusYears(8), true));
        parent.post("/api/v1/parent/payees/self", "{\"name\": \"Pat Doe\", \"phone\": \"+1 604 555 0142\"}");
        owner.jdbc().sql("""
                        insert into text_messages (school_id, recipient, body, status)
                        values (:s, '+16045550142', 'Reminder: Kid at 16:00', 'sent'),
                               (:s, '+16045550999', 'Reminder: Other Kid at 17:00', 'sent')""")
                .param("s", school.id()).update();

        JsonNode export = parent.get("/api/v1/parent/export").json();
        assertThat(export.path("payee").path("email").asString()).isEqualTo("pat@families.test");
        assertThat(export.path("students").findValuesAsString("name")).containsExactly("Kid");
        assertThat(export.path("students").get(0).path("consent_policy_accepted_at").asString()).isNotBlank();
        assertThat(export.has("enrollments")).isTrue();
        assertThat(export.path("lessons").has("attendance")).isTrue();
        assertThat(export.path("emails").findValuesAsString("template")).as("the welcome, and the link that proved the address").containsExactlyInAnyOrder("welcome", "verify_email");
        assertThat(export.path("texts").findValuesAsString("body")).containsExactly("Reminder: Kid at 16:00");
        assertThat(export.path("account").path("balance").path("amount").isNumber()).as("payments and charges").isTrue();
        assertThat(export.path("account").has("entries")).isTrue();
        assertThat(export.path("consents").findValuesAsString("purpose")).contains("school_policy");
        assertThat(export.toString()).doesNotContain("Other Kid").doesNotContain("neighbour@");

        Long audited = owner.jdbc().sql("select count(*) from audit_log where school_id = :s and action = 'family.exported'")
                .param("s", school.id()).query(Long.class).single();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aParentSwitchesLessonRemindersOff() {
        Session parent = api.as(school.signUp(api, "pat@families.test"));

        assertThat(parent.get("/api/v1/parent/preferences").json().path("lesson_reminder_emails").asBoolean()).isTrue();
        Answer saved = parent.put("/api/v1/parent/preferences",
                "{\"lesson_reminder_emails\": false, \"lesson_reminder_texts\": false}");
        assertThat(saved.status()).isEqualTo(200);
        Boolean stored = owner.jdbc().sql("select reminder_emails or not sms_opt_out from payees where email = 'pat@families.test' and school_id = :s")
                .param("s", school.id()).query(Boolean.class).single();
        assertThat(stored).isFalse();
        assertThat(parent.put("/api/v1/parent/preferences", "{\"lesson_reminder_emails\": true}").errorFields())
                .containsExactly("lesson_reminder_texts");
    }

    @Test
    void parentRoutesAreForParentsOnly() {
        Session admin = school.admin(api);

        assertThat(admin.get("/api/v1/parent/students").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/parent/students").status()).isEqualTo(401);
    }

    private Session supabaseParent(String email) {
        Answer exchanged = api.post("/api/v1/auth/exchange", "",
                Tokens.bearer(FakeSupabase.es256(FakeSupabase.claims(email).build()), "X-School", school.slug()));
        return api.as(exchanged.json().path("backend_jwt").asString());
    }

    private String child(String name, LocalDate born, boolean consent) {
        return """
                {"name": "%s", "birth_date": "%s", "instrument_id": "%s", "consent_policy_accepted": %s}"""
                .formatted(name, born, piano, consent);
    }
}
