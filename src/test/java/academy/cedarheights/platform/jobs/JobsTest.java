package academy.cedarheights.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestJobs.Probe;
import academy.cedarheights.support.TestJobs;
import academy.cedarheights.support.TestSchools;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
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
        ListAppender<ILoggingEvent> failures = new ListAppender<>();
        Logger retries = (Logger) LoggerFactory.getLogger(RetryThenDeadLetter.class);
        retries.addAppender(failures);
        failures.start();
        try {
            jobs.schedule(probeTask, key, new Probe(key, school, true));
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(key) != null);
        } finally {
            retries.detachAppender(failures);
        }

        Map<String, String> context = Map.of("job", "test-probe", "job_instance", key, "school_id", school.toString());
        assertThat(TestJobs.LOGGED_WITH.get(key)).as("the job's own lines").containsAllEntriesOf(context);
        List<ILoggingEvent> aboutIt = failures.list.stream()
                .filter(event -> event.getFormattedMessage().contains(key)).toList();
        assertThat(aboutIt).extracting(ILoggingEvent::getLevel)
                .as("a warning for each of the first four attempts, an error for the last")
                .containsExactly(Level.WARN, Level.WARN, Level.WARN, Level.WARN, Level.ERROR);
        assertThat(aboutIt).as("the lines about its failures").allSatisfy(event ->
                assertThat(event.getMDCPropertyMap()).containsAllEntriesOf(context));
        assertThat(aboutIt.get(0).getThrowableProxy()).as("the first with its stack trace").isNotNull();
        assertThat(aboutIt.get(1).getThrowableProxy()).as("the next in one line").isNull();
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
