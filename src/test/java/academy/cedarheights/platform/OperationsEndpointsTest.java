package academy.cedarheights.platform;

import static org.assertj.core.api.Assertions.assertThat;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OperationsEndpointsTest {

    @Autowired Api api;

    @Test
    void healthReportsTheDatabaseAndTheJobWorkers() {
        JsonNode health = api.get("/actuator/health").json();

        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("scheduler").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesMetrics() {
        Answer answer = api.get("/actuator/prometheus");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void theOpenApiDocumentListsThePublicEndpointsInSnakeCase() {
        JsonNode doc = api.get("/v3/api-docs").json();

        for (String path : new String[] {"/api/v1/public/school", "/api/v1/public/instruments",
                "/api/v1/public/teachers", "/api/v1/public/timeslots", "/api/v1/public/pricing"}) {
            assertThat(doc.path("paths").has(path)).as(path).isTrue();
        }
        JsonNode slot = doc.path("components").path("schemas").path("OpenSlot").path("properties");
        assertThat(slot.has("teacher_name")).isTrue();
        assertThat(slot.has("teacherName")).isFalse();
        String timeslots = doc.path("paths").path("/api/v1/public/timeslots").toString();
        assertThat(timeslots).contains("X-School").doesNotContain("CurrentSchool");
    }

    @Test
    void swaggerUiIsServed() {
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
