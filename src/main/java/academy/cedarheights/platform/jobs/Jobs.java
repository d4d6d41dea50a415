package academy.cedarheights.platform.jobs;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schedules background work. Called inside a transaction, the job row is written in that
 * transaction: it exists only if the change that caused it commits.
 */
@Component
public class Jobs {

    private final Scheduler scheduler;

    Jobs(@Lazy Scheduler scheduler) {
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
        boolean scheduled = scheduler.scheduleIfNotExists(task.instance(instanceId, payload), when);
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
