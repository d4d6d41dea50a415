package academy.cedarheights.schools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api.Session;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Instruments, rooms and teachers through the admin API. */
@IntegrationTest
class CatalogueAdminTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    TestSchool school;
    Session admin;

    @BeforeEach
    void aSchoolAndItsAdmin() {
        school = schools.create();
        admin = school.admin(api);
    }

    @Test
    void instrumentsAreCreatedListedRenamedAndDeleted() {
        Answer piano = admin.post("/api/v1/admin/instruments", "{\"name\": \"piano\"}");
        assertThat(piano.status()).isEqualTo(201);
        String id = piano.text("id");
        admin.post("/api/v1/admin/instruments", "{\"name\": \"cello\"}");

        Answer page = admin.get("/api/v1/admin/instruments?size=1&sort=-name");
        assertThat(page.json().path("total").asLong()).isEqualTo(2);
        assertThat(page.json().path("size").asInt()).isEqualTo(1);
        assertThat(page.json().path("items").findValuesAsString("name")).containsExactly("piano");

        assertThat(admin.put("/api/v1/admin/instruments/" + id, "{\"name\": \"grand piano\"}").text("name"))
                .isEqualTo("grand piano");
        assertThat(admin.patch("/api/v1/admin/instruments/" + id, "{\"name\": \"keys\"}").text("name")).isEqualTo("keys");
        assertThat(admin.get("/api/v1/admin/instruments/" + id).text("name")).isEqualTo("keys");
        assertThat(admin.delete("/api/v1/admin/instruments/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/admin/instruments/" + id).status()).isEqualTo(404);
    }

    @Test
    void instrumentRulesAreEnforced() {
        admin.post("/api/v1/admin/instruments", "{\"name\": \"piano\"}");

        assertThat(admin.post("/api/v1/admin/instruments", "{\"name\": \"Piano\"}").status()).as("names are unique, any case")
                .isEqualTo(409);
        assertThat(admin.post("/api/v1/admin/instruments", "{\"name\": \" \"}").errorFields()).containsExactly("name");
        assertThat(admin.post("/api/v1/admin/instruments", "{}").errorFields()).containsExactly("name");
        assertThat(admin.get("/api/v1/admin/instruments?sort=password").errorFields()).containsExactly("sort");
        assertThat(admin.get("/api/v1/admin/instruments?size=500").errorFields()).containsExactly("size");
        assertThat(admin.get("/api/v1/admin/instruments?page=abc").errorFields()).containsExactly("page");
        assertThat(admin.get("/api/v1/admin/instruments/not-a-uuid").errorFields()).containsExactly("id");
    }

    @Test
    void anInstrumentInUseCannotBeDeleted() {
        var piano = school.instrument("piano");
        school.teacher("Ada Keys", true, piano);

        Answer answer = admin.delete("/api/v1/admin/instruments/" + piano);
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.text("detail")).contains("piano").contains("1 teacher");
    }

    @Test
    void roomsHaveUniqueNamesAndCannotBeDeletedWhileSlotsUseThem() {
        Answer room = admin.post("/api/v1/admin/rooms", "{\"name\": \"Studio A\", \"active\": true}");
        assertThat(room.status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/admin/rooms", "{\"name\": \"studio a\", \"active\": true}").status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/admin/rooms", "{\"name\": \"Studio B\"}").errorFields()).containsExactly("active");

        school.slot(school.teacher("Ada Keys", true), 1, "15:00", java.util.UUID.fromString(room.text("id")), true);
        assertThat(admin.delete("/api/v1/admin/rooms/" + room.text("id")).status()).isEqualTo(409);
        assertThat(admin.patch("/api/v1/admin/rooms/" + room.text("id"), "{\"active\": false}").json().path("active")
                .asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/admin/rooms?active=true").json().path("total").asLong()).isZero();
    }

    @Test
    void teachersCarryInstrumentsAndPay() {
        var piano = school.instrument("piano");
        var drums = school.instrument("drums");
        Answer created = admin.post("/api/v1/admin/teachers", """
                {"name": "Ada Keys", "email": "ada@school.test", "bio": "Loves Bach", "instrument_ids": ["%s", "%s"],
                 "pay_per_lesson": {"amount": 3500, "currency": "CAD"}, "active": true}""".formatted(piano, drums));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("instrument_ids").valueStream().map(n -> n.asString()).toList())
                .containsExactlyInAnyOrder(piano.toString(), drums.toString());
        assertThat(created.json().path("pay_per_lesson").path("amount").asLong()).isEqualTo(3500);

        String id = created.text("id");
        Answer patched = admin.patch("/api/v1/admin/teachers/" + id, "{\"active\": false, \"instrument_ids\": [\"" + drums + "\"]}");
        assertThat(patched.json().path("active").asBoolean()).isFalse();
        assertThat(patched.json().path("instrument_ids").valueStream().map(n -> n.asString()).toList())
                .containsExactly(drums.toString());
        assertThat(patched.text("bio")).isEqualTo("Loves Bach");
        assertThat(admin.get("/api/v1/admin/teachers?active=false&instrument_id=" + drums).json().path("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void teacherRulesNameTheField() {
        var piano = school.instrument("piano");
        String valid = """
                {"name": "Ada", "email": "ada@school.test", "instrument_ids": ["%s"],
                 "pay_per_lesson": {"amount": 3500, "currency": "CAD"}, "active": true}""".formatted(piano);
        assertThat(admin.post("/api/v1/admin/teachers", valid).status()).isEqualTo(201);

        assertThat(admin.post("/api/v1/admin/teachers", valid).status()).as("same email").isEqualTo(409);
        assertThat(admin.post("/api/v1/admin/teachers", valid.replace("ada@school.test", "not-an-email")).errorFields())
                .containsExactly("email");
        assertThat(admin.post("/api/v1/admin/teachers", valid.replace("ada@", "bo@").replace("\"CAD\"", "\"USD\""))
                .errorFields()).containsExactly("pay_per_lesson.currency");
        assertThat(admin.post("/api/v1/admin/teachers", valid.replace("ada@", "bo@").replace("3500", "-1"))
                .errorFields()).containsExactly("pay_per_lesson.amount");
        assertThat(admin.post("/api/v1/admin/teachers", valid.replace("ada@", "bo@").replace(piano.toString(),
                java.util.UUID.randomUUID().toString())).errorFields()).containsExactly("instrument_ids");
        assertThat(admin.post("/api/v1/admin/teachers", valid.replace("ada@", "bo@").replace("\"name\": \"Ada\",", ""))
                .errorFields()).containsExactly("name");
    }

    @Test
    void aTeacherWhoHasTaughtCannotBeDeletedButOneWhoNeverDidCan() {
        var piano = school.instrument("piano");
        var taught = school.teacher("Ada Keys", true, piano);
        school.activeEnrollment(school.student(school.payee("Pat Doe"), "Kid", piano), school.slot(taught, 1, "15:00"));
        var fresh = school.teacher("Bo New", true, piano);
        school.slot(fresh, 2, "15:00");

        Answer refused = admin.delete("/api/v1/admin/teachers/" + taught);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("Ada Keys").contains("enrollment");
        assertThat(admin.delete("/api/v1/admin/teachers/" + fresh).status()).isEqualTo(204);
    }

    @Test
    void aDeletedTeachersFormerPupilsKeepNoPreferenceByTheDatabasesOwnRule() {
        var piano = school.instrument("piano");
        var leaving = school.teacher("Cy Leaving", true, piano);
        var pupil = school.student(school.payee("Dee Doe"), "Kid", piano);
        owner.jdbc().sql("update students set teacher_pref_id = :t where id = :s").param("t", leaving).param("s", pupil).update();

        assertThat(admin.delete("/api/v1/admin/teachers/" + leaving).status()).isEqualTo(204);
        assertThat(owner.jdbc().sql("select teacher_pref_id is null and deleted_at is null from students where id = :s")
                .param("s", pupil).query(Boolean.class).single()).isTrue();
    }

    @Test
    void everyAdminWriteIsAudited() {
        String id = admin.post("/api/v1/admin/instruments", "{\"name\": \"piano\"}").text("id");
        admin.patch("/api/v1/admin/instruments/" + id, "{\"name\": \"keys\"}");
        admin.delete("/api/v1/admin/instruments/" + id);

        List<String> actions = owner.jdbc().sql("""
                        select action || ':' || entity_id from audit_log
                         where school_id = :s and entity_type = 'instrument' order by occurred_at""")
                .param("s", school.id()).query(String.class).list();
        assertThat(actions).containsExactly("instrument.created:" + id, "instrument.updated:" + id, "instrument.deleted:" + id);
        String update = owner.jdbc().sql("select summary::text from audit_log where school_id = :s and action = 'instrument.updated'")
                .param("s", school.id()).query(String.class).single();
        assertThat(update).contains("\"before\"").contains("piano").contains("\"after\"").contains("keys");
    }

    @Test
    void onlyAdminsOfThisSchoolMayManageIt() {
        String parent = school.signUp(api, "parent@families.test");
        TestSchool other = schools.create();
        Session otherAdmin = other.admin(api);
        var piano = school.instrument("piano");

        assertThat(api.as(parent).get("/api/v1/admin/instruments").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/instruments").status()).isEqualTo(401);
        assertThat(otherAdmin.get("/api/v1/admin/instruments/" + piano).status()).as("another school's id").isEqualTo(404);
        assertThat(otherAdmin.delete("/api/v1/admin/instruments/" + piano).status()).isEqualTo(404);
        assertThat(otherAdmin.get("/api/v1/admin/instruments").json().path("total").asLong()).isZero();
    }
}
