package academy.cedarheights.platform.jobs;

import java.time.Instant;
import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schedules background work. Called inside a transaction, the job row is written in that
 * transaction: it exists only if the change that caused it commits.
 */
@Component
public class Jobs {

    private final JdbcClient jdbc;
    private final JsonTaskDataSerializer serializer;
    private final Scheduler scheduler;

    Jobs(JdbcClient jdbc, JsonTaskDataSerializer serializer, @Lazy Scheduler scheduler) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.scheduler = scheduler;
    }

    /**
     * Runs {@code task} for {@code payload} as soon as possible. {@code instanceId} makes it idempotent:
     * scheduling the same id again while the first is pending does nothing.
     *
     * @return whether a new job was scheduled
     */
    public <T> boolean schedule(OneTimeTask<T> task, String instanceId, T payload) {
        return scheduleAt(task, instanceId, payload, Instant.now());
    }

    public <T> boolean scheduleAt(OneTimeTask<T> task, String instanceId, T payload, Instant when) {
        // db-scheduler's own client reads before it inserts; one insert does it, and cannot be misplanned as the
        // table swings from empty to thousands of rows within seconds
        boolean scheduled = jdbc.sql("""
                        insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
                        values (:name, :instance, :data, :at, false, 1)
                        on conflict (task_name, task_instance) do nothing""")
                .param("name", task.getName()).param("instance", instanceId).param("data", serializer.serialize(payload))
                .param("at", when.atOffset(ZoneOffset.UTC)).update() == 1;
        if (scheduled) {
            wakeWorkersAfterCommit();
        }
        return scheduled;
    }

    // Workers would otherwise find the job only at their next poll.
    private void wakeWorkersAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.triggerCheckForDueExecutions();
                }
            });
        } else {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
