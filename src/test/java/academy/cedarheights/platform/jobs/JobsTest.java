package academy.cedarheights.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestJobs.Probe;
import academy.cedarheights.support.TestJobs;
import academy.cedarheights.support.TestSchools;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class JobsTest {

    @Autowired Jobs jobs;
    @Autowired OneTimeTask<Probe> probeTask;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;
    @Autowired DatabaseOwner owner;
    @Autowired TestSchools schools;

    @Test
    void aJobScheduledInACommittedTransactionRunsOnce() {
        String key = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> jobs.schedule(probeTask, key, new Probe(key, null, false)));

        await().atMost(Duration.ofSeconds(10)).until(() -> runs(key) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> pendingRows(key) == 0);
        assertThat(runs(key)).isEqualTo(1);
    }

    @Test
    void aJobScheduledInARolledBackTransactionNeverExists() {
        String key = UUID.randomUUID().toString();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jobs.schedule(probeTask, key, new Probe(key, null, false));
            assertThat(pendingRows(key)).as("visible inside its own transaction").isEqualTo(1);
            throw new IllegalStateException("the change that caused the job fails");
        })).hasMessageContaining("the change that caused the job fails");

        assertThat(pendingRows(key)).isZero();
        // give the workers several polls to prove nothing runs
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> runs(key) == 0);
    }

    @Test
    void schedulingTheSameInstanceTwiceRunsItOnce() {
        String key = UUID.randomUUID().toString();
        boolean first = transaction.execute(status -> jobs.schedule(probeTask, key, new Probe(key, null, false)) &&
                !jobs.schedule(probeTask, key, new Probe(key, null, false)));

        assertThat(first).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> runs(key) == 1);
    }

    @Test
    void aJobFailingFiveTimesLandsInTheDeadLettersWithItsLastError() {
        String key = UUID.randomUUID().toString();
        UUID school = schools.create().id();
        jobs.schedule(probeTask, key, new Probe(key, school, true));

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(key) != null);
        Map<String, Object> letter = deadLetter(key);
        assertThat(letter.get("attempts")).isEqualTo(5);
        assertThat(letter.get("school_id")).isEqualTo(school);
        assertThat((String) letter.get("last_error")).contains("probe " + key + " failed on run 5");
        assertThat((String) letter.get("payload")).contains(key);
        assertThat(pendingRows(key)).isZero();
        assertThat(runs(key)).isEqualTo(5);
    }

    private int runs(String key) {
        var counter = TestJobs.RUNS.get(key);
        return counter == null ? 0 : counter.get();
    }

    private long pendingRows(String key) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = 'test-probe' and task_instance = :key")
                .param("key", key).query(Long.class).single();
    }

    private Map<String, Object> deadLetter(String key) {
        return owner.jdbc().sql("select * from dead_letters where task_name = 'test-probe' and task_instance = :key")
                .param("key", key).query().listOfRows().stream().findFirst().orElse(null);
    }
}
