package academy.cedarheights.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import academy.cedarheights.platform.jobs.Jobs;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestJobs.Probe;
import academy.cedarheights.support.TestJobs;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DeadLettersAdminTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired Jobs jobs;
    @Autowired OneTimeTask<Probe> probeTask;

    @Test
    void anAdminSeesTheSchoolsDeadLettersAndSendsOneBack() {
        TestSchool school = schools.create();
        var admin = school.admin(api);
        String key = UUID.randomUUID().toString();
        jobs.schedule(probeTask, key, new Probe(key, school.id(), true));
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/v1/admin/dead-letters").json().path("total").asLong() == 1);

        Answer page = admin.get("/api/v1/admin/dead-letters");
        var letter = page.json().path("items").get(0);
        assertThat(letter.path("task_name").asString()).isEqualTo("test-probe");
        assertThat(letter.path("attempts").asInt()).isEqualTo(5);
        assertThat(letter.path("last_error").asString()).contains("failed on run 5");

        Answer otherSchool = schools.create().admin(api).post("/api/v1/admin/dead-letters/" + letter.path("id").asString() + "/retry", "");
        assertThat(otherSchool.status()).isEqualTo(404);

        assertThat(admin.post("/api/v1/admin/dead-letters/" + letter.path("id").asString() + "/retry", "").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestJobs.RUNS.get(key).get() > 5);
        assertThat(admin.get("/api/v1/admin/dead-letters").json().path("items").get(0).path("retried_at").asString())
                .isNotBlank();
    }
}
