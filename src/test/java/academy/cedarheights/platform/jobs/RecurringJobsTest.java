package academy.cedarheights.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import academy.cedarheights.support.IntegrationTest;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two instances sharing the database run a recurring job once per period between them, not once each. */
@IntegrationTest
class RecurringJobsTest {

    static final Duration PERIOD = Duration.ofMillis(400);

    @Autowired DataSource dataSource;
    @Autowired JobDefinitions definitions;
    @Autowired JdbcClient jdbc;
    @Autowired Scheduler application;

    @Test
    void aRecurringJobRunsOncePerPeriodAcrossInstances() {
        List<Instant> runs = new CopyOnWriteArrayList<>();
        RecurringTask<Void> heartbeat = definitions.recurring("test-heartbeat", PERIOD, () -> runs.add(Instant.now()));
        Scheduler first = instance(heartbeat, "instance-1");
        Scheduler second = instance(heartbeat, "instance-2");
        // the application's own instance does not know this task; paused, it cannot pick (and strand) its executions
        application.pause();
        Instant started = Instant.now();
        first.start();
        second.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> runs.size() >= 6);
        } finally {
            first.stop();
            second.stop();
            application.resume();
            jdbc.sql("delete from scheduled_tasks where task_name = 'test-heartbeat'").update();
        }
        Duration elapsed = Duration.between(started, Instant.now());

        long periods = elapsed.toMillis() / PERIOD.toMillis() + 1;
        assertThat(runs.size()).isLessThanOrEqualTo((int) periods);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.between(runs.get(i - 1), runs.get(i))).as("gap before run " + i)
                    .isGreaterThanOrEqualTo(PERIOD.minusMillis(50));
        }
    }

    private Scheduler instance(RecurringTask<Void> task, String name) {
        return Scheduler.create(dataSource)
                .startTasks(List.of(task))
                .schedulerName(() -> name)
                .pollingInterval(Duration.ofMillis(50))
                .pollUsingLockAndFetch(0.5, 1.0)
                .threads(2)
                .build();
    }
}
