package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import academy.cedarheights.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two schools with data; every signed-in endpoint that exists is tried with the other school's token.
 * Each module adds its endpoints to {@link #SIGNED_IN_ENDPOINTS} as it grows.
 */
@IntegrationTest
class CrossTenantTest {

    static final List<String> ADMIN_ENDPOINTS = List.of(
            "/api/v1/auth/me", "/api/v1/public/school", "/api/v1/public/teachers", "/api/v1/public/timeslots",
            "/api/v1/admin/instruments", "/api/v1/admin/teachers", "/api/v1/admin/rooms", "/api/v1/admin/timeslots",
            "/api/v1/admin/semesters", "/api/v1/admin/payees", "/api/v1/admin/students", "/api/v1/admin/settings",
            "/api/v1/admin/emails", "/api/v1/admin/dead-letters", "/api/v1/admin/enrollments",
            "/api/v1/admin/dashboard/today", "/api/v1/admin/dashboard/provisionals", "/api/v1/admin/dashboard/payments",
            "/api/v1/admin/attendance?date=2026-01-05", "/api/v1/admin/makeups");

    static final List<String> PARENT_ENDPOINTS = List.of(
            "/api/v1/auth/me", "/api/v1/public/school", "/api/v1/public/teachers", "/api/v1/public/timeslots",
            "/api/v1/parent/payees/self", "/api/v1/parent/students", "/api/v1/parent/export",
            "/api/v1/parent/preferences", "/api/v1/parent/bookings", "/api/v1/parent/makeups");

    @Autowired Api api;
    @Autowired TestSchools schools;

    @Test
    void aTokenOfOneSchoolGetsNothingOfAnother() {
        TestSchool ours = schools.create();
        TestSchool theirs = schools.create();
        theirs.teacher("Their Teacher", true, theirs.instrument("cello"));
        ours.allowAdmin("admin@ours.test");
        String admin = ours.signUp(api, "admin@ours.test");
        String parent = ours.signUp(api, "parent@ours.test");
        api.as(parent).post("/api/v1/parent/payees/self", "{\"name\": \"Our Parent\"}");

        for (var tokenAndEndpoints : java.util.Map.of(admin, ADMIN_ENDPOINTS, parent, PARENT_ENDPOINTS).entrySet()) {
            String token = tokenAndEndpoints.getKey();
            for (String endpoint : tokenAndEndpoints.getValue()) {
                Answer atTheirs = api.get(endpoint, Tokens.bearer(token, "X-School", theirs.slug()));
                assertThat(atTheirs.status()).as(endpoint).isEqualTo(403);
                assertThat(atTheirs.body()).as(endpoint).doesNotContain("Their Teacher").doesNotContain("cello");

                Answer atOurs = api.get(endpoint, Tokens.bearer(token));
                assertThat(atOurs.status()).as(endpoint).isEqualTo(200);
                assertThat(atOurs.body()).as(endpoint).doesNotContain("Their Teacher").doesNotContain(theirs.slug());
            }
        }
    }

    @Test
    void anotherSchoolsIdsAreAbsentForAnAdmin() {
        TestSchool ours = schools.create();
        TestSchool theirs = schools.create();
        var cello = theirs.instrument("cello");
        var teacher = theirs.teacher("Their Teacher", true, cello);
        var room = theirs.room("Their Room");
        var slot = theirs.slot(teacher, 1, "15:00");
        var payee = theirs.payee("Their Parent");
        var student = theirs.student(payee, "Their Kid", cello);
        var admin = ours.admin(api);

        for (String path : List.of("instruments/" + cello, "teachers/" + teacher, "rooms/" + room, "timeslots/" + slot,
                "payees/" + payee, "students/" + student)) {
            assertThat(admin.get("/api/v1/admin/" + path).status()).as("GET " + path).isEqualTo(404);
            assertThat(admin.patch("/api/v1/admin/" + path, "{\"name\": \"Mine now\"}").status()).as("PATCH " + path)
                    .isEqualTo(404);
            assertThat(admin.delete("/api/v1/admin/" + path).status()).as("DELETE " + path).isEqualTo(404);
        }
        assertThat(theirs.jdbc().sql("select count(*) from instruments where school_id = :s").param("s", theirs.id())
                .query(Long.class).single()).isEqualTo(1);
    }
}
