package academy.cedarheights.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Payees and students through the admin API. */
@IntegrationTest
class FamiliesAdminTest {

    @Autowired Api api;
    @Autowired TestSchools schools;

    TestSchool school;
    Session admin;
    UUID piano;

    @BeforeEach
    void aSchoolAndItsAdmin() {
        school = schools.create();
        admin = school.admin(api);
        piano = school.instrument("piano");
    }

    @Test
    void payeesAreManagedWithUniqueEmails() {
        Answer created = payee("Pat Doe", "pat@families.test", "+1 604 555 0100", "active");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("signs_in").asBoolean()).isFalse();

        assertThat(payee("Pat Again", "PAT@families.test", null, "active").status()).isEqualTo(409);
        assertThat(payee("Bad", "bad@families.test", "call me", "active").errorFields()).containsExactly("phone");
        assertThat(payee("Bad", "bad@families.test", null, "gone").errorFields()).containsExactly("status");
        assertThat(payee("", "not-an-email", null, "active").errorFields()).containsExactlyInAnyOrder("name", "email");

        String id = created.text("id");
        assertThat(admin.patch("/api/v1/admin/payees/" + id, "{\"status\": \"inactive\"}").text("status")).isEqualTo("inactive");
        assertThat(admin.get("/api/v1/admin/payees?status=inactive&q=pat").json().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void aPayeeWithStudentsCannotBeDeleted() {
        UUID payee = school.payee("Pat Doe");
        school.student(payee, "Kid", piano);

        Answer answer = admin.delete("/api/v1/admin/payees/" + payee);
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.text("detail")).contains("1 student");
    }

    @Test
    void studentsAreAddedWithConsentAndSoftDeleted() {
        UUID payee = school.payee("Pat Doe");
        Answer created = student(payee, "Kid One", LocalDate.now().minusYears(9), true);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("consent_policy_accepted_at")).isNotBlank();
        String id = created.text("id");

        Answer renamed = admin.patch("/api/v1/admin/students/" + id, "{\"name\": \"Kid Renamed\"}");
        assertThat(renamed.text("name")).isEqualTo("Kid Renamed");
        assertThat(renamed.text("consent_policy_accepted_at")).isEqualTo(created.text("consent_policy_accepted_at"));

        assertThat(admin.delete("/api/v1/admin/students/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/admin/students/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/admin/students?payee_id=" + payee).json().path("total").asLong()).isZero();
    }

    @Test
    void studentRulesNameTheField() {
        UUID payee = school.payee("Pat Doe");
        assertThat(student(payee, "Too Young", LocalDate.now().minusYears(3), true).errorFields()).containsExactly("birth_date");
        // a day more than 19 years: the school's today (Vancouver) can be a day behind this machine's (UTC)
        assertThat(student(payee, "Too Old", LocalDate.now().minusYears(19).minusDays(1), true).errorFields())
                .containsExactly("birth_date");
        assertThat(student(payee, "No Consent", LocalDate.now().minusYears(9), false).errorFields())
                .containsExactly("consent_policy_accepted");
        assertThat(student(UUID.randomUUID(), "Orphan", LocalDate.now().minusYears(9), true).errorFields())
                .containsExactly("payee_id");
        assertThat(admin.post("/api/v1/admin/students", """
                {"payee_id": "%s", "name": "Kid", "birth_date": "2016-02-30", "instrument_id": "%s",
                 "consent_policy_accepted": true}""".formatted(payee, piano)).errorFields()).containsExactly("birth_date");
    }

    @Test
    void aStudentHoldingASlotCannotBeRemoved() {
        UUID student = school.student(school.payee("Pat Doe"), "Kid", piano);
        school.activeEnrollment(student, school.slot(school.teacher("Ada", true, piano), 1, "15:00"));

        assertThat(admin.delete("/api/v1/admin/students/" + student).status()).isEqualTo(409);
    }

    private Answer payee(String name, String email, String phone, String status) {
        String phoneField = phone == null ? "null" : "\"" + phone + "\"";
        return admin.post("/api/v1/admin/payees", """
                {"name": "%s", "email": "%s", "phone": %s, "status": "%s"}""".formatted(name, email, phoneField, status));
    }

    private Answer student(UUID payee, String name, LocalDate born, boolean consent) {
        return admin.post("/api/v1/admin/students", """
                {"payee_id": "%s", "name": "%s", "birth_date": "%s", "instrument_id": "%s",
                 "consent_policy_accepted": %s}""".formatted(payee, name, born, piano, consent));
    }
}
