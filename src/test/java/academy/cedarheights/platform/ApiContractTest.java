package academy.cedarheights.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import academy.cedarheights.support.Api;
import academy.cedarheights.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Every endpoint of {@code api.md} built so far is in the generated OpenAPI document, with its schemas. */
@IntegrationTest
class ApiContractTest {

    /** "METHOD path" as api.md names them, under /api/v1. Each issue adds the endpoints it builds. */
    static final List<String> BUILT = List.of(
            "POST /auth/login", "POST /auth/signup", "POST /auth/signup-school", "POST /auth/exchange",
            "POST /auth/refresh", "GET /auth/me",
            "GET /public/school", "GET /public/instruments", "GET /public/teachers", "GET /public/timeslots",
            "GET /public/pricing",
            "POST /parent/payees/self", "GET /parent/payees/self", "POST /parent/students", "GET /parent/students",
            "GET /parent/export",
            "GET /admin/settings", "PUT /admin/settings",
            "GET /admin/semesters/{id}/closures", "POST /admin/semesters/{id}/closures",
            "GET /parent/preferences", "PUT /parent/preferences",
            "GET /admin/emails", "GET /admin/dead-letters", "POST /admin/dead-letters/{id}/retry",
            "POST /parent/bookings", "GET /parent/bookings", "GET /parent/bookings/{tracking_id}/status",
            "POST /parent/bookings/{tracking_id}/cancel", "POST /parent/payment-method/setup",
            "GET /admin/enrollments", "POST /admin/enrollments", "POST /admin/enrollments/{id}/cancel",
            "POST /webhooks/stripe", "POST /webhooks/twilio", "GET /admin/dashboard/today", "GET /admin/dashboard/provisionals",
            "GET /admin/dashboard/payments",
            "PUT /admin/attendance", "GET /admin/attendance", "PUT /teacher/attendance", "GET /teacher/lessons",
            "GET /parent/attendance", "POST /parent/absences", "GET /parent/makeups", "GET /parent/makeups/slots",
            "POST /parent/makeups/book", "GET /admin/makeups", "PUT /teacher/makeups/{id}/attendance",
            "PUT /admin/makeups/{id}/attendance",
            "POST /auth/verify-email", "POST /auth/sign-out-everywhere", "POST /admin/invitations",
            "GET /admin/invitations", "DELETE /admin/invitations/{id}",
            "GET /parent/payment-method",
            "POST /parent/bookings/{tracking_id}/move", "POST /admin/enrollments/{id}/move",
            "POST /parent/waitlist", "GET /parent/waitlist", "DELETE /parent/waitlist/{id}", "GET /admin/waitlist",
            "GET /parent/offers", "POST /parent/offers/{id}/accept", "POST /parent/offers/{id}/decline",
            "POST /parent/makeups/{id}/cancel", "POST /parent/bookings/batch", "GET /admin/audit",
            "GET /admin/reports/payroll", "GET /admin/reports/revenue", "GET /admin/reports/attendance",
            "POST /admin/import/families", "GET /parent/consents", "GET /admin/incidents", "POST /admin/incidents",
            "PUT /admin/incidents/{id}", "POST /parent/erasure", "POST /admin/payees/{id}/erasure");

    static final List<String> ADMIN_RESOURCES = List.of("instruments", "teachers", "rooms", "timeslots", "semesters",
            "payees", "students");

    @Autowired Api api;

    @Test
    void everyBuiltEndpointIsDocumented() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");

        for (String endpoint : BUILT) {
            assertDocumented(paths, endpoint);
        }
        for (String resource : ADMIN_RESOURCES) {
            for (String method : List.of("GET", "POST")) {
                assertDocumented(paths, method + " /admin/" + resource);
            }
            for (String method : List.of("GET", "PUT", "PATCH", "DELETE")) {
                assertDocumented(paths, method + " /admin/" + resource + "/{id}");
            }
        }
    }

    @Test
    void requestAndAnswerSchemasAreSnakeCase() {
        JsonNode doc = api.get("/v3/api-docs").json();
        JsonNode schemas = doc.path("components").path("schemas");

        assertThat(schemas.path("TeacherRequest").path("properties").has("pay_per_lesson")).isTrue();
        assertThat(schemas.path("Teacher").path("properties").has("instrument_ids")).isTrue();
        assertThat(schemas.path("StudentDetails").path("properties").has("consent_policy_accepted")).isTrue();
        assertThat(doc.path("paths").path("/api/v1/admin/teachers").path("post").path("requestBody").toString())
                .contains("TeacherRequest");
        assertThat(doc.toString()).doesNotContain("payPerLesson").doesNotContain("\"Caller\"");
    }

    private static void assertDocumented(JsonNode paths, String endpoint) {
        String[] parts = endpoint.split(" ", 2);
        JsonNode path = paths.path("/api/v1" + parts[1]);
        assertThat(path.isMissingNode()).as(endpoint + " is missing from /v3/api-docs").isFalse();
        JsonNode operation = path.path(parts[0].toLowerCase());
        assertThat(operation.isMissingNode()).as(endpoint + " has no " + parts[0]).isFalse();
        assertThat(operation.path("responses").isEmpty()).as(endpoint + " documents its answers").isFalse();
    }
}
