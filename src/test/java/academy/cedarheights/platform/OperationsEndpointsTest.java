package academy.cedarheights.platform;

import static org.assertj.core.api.Assertions.assertThat;

import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import academy.cedarheights.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OperationsEndpointsTest {

    @Autowired Api api;

    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    @Test
    void healthTellsAnyoneItsStatusAndOnlyAnAdminItsParts() {
        JsonNode anonymous = api.get("/actuator/health").json();
        assertThat(anonymous.path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.has("components")).as("a stranger learns nothing of our parts").isFalse();

        TestSchool school = schools.create();
        assertThat(api.get("/actuator/health", Tokens.bearer(school.signUp(api, "parent@families.test"))).json()
                .has("components")).as("nor does a parent").isFalse();
        JsonNode health = school.admin(api).get("/actuator/health").json();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("scheduler").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesMetricsOnlyToTheScraperWithTheToken() {
        Answer answer = api.get("/actuator/prometheus", "Authorization", "Bearer test-metrics-token-of-cedar-heights");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");

        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
        Answer wrong = api.get("/actuator/prometheus", "Authorization", "Bearer test-metrics-token-of-cedar-height");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
        TestSchool school = schools.create();
        assertThat(school.admin(api).get("/actuator/prometheus").status()).as("an admin's token is not the scraper's")
                .isEqualTo(401);
    }

    @Test
    void theScrapeSaysHowLongTheOldestDueJobHasWaitedAndCountsWhatAnOperatorAlertsOn() {
        // a job of no task this instance knows is never picked: it waits, as a job would behind a stuck queue
        owner.jdbc().sql("""
                        insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                        values ('metrics-probe', 'waiting', now() - interval '10 minutes', false, 1)""").update();
        try {
            String scrape = api.get("/actuator/prometheus", "Authorization", "Bearer test-metrics-token-of-cedar-heights")
                    .body();
            double oldest = scrape.lines().filter(line -> line.startsWith("cedar_jobs_oldest_due_seconds "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst()
                    .orElseThrow();
            assertThat(oldest).isGreaterThanOrEqualTo(600);
            assertThat(scrape).contains("cedar_dead_letters_total ", "cedar_payments_failed_total ");
        } finally {
            owner.jdbc().sql("delete from scheduled_tasks where task_name = 'metrics-probe'").update();
        }
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
