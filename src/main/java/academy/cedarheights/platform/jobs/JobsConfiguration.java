package academy.cedarheights.platform.jobs;

import java.util.List;

import academy.cedarheights.platform.persistence.JobQueueConnections;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** db-scheduler over the application's database (no Boot 4 starter exists, so it is wired here). */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    JsonTaskDataSerializer jsonTaskDataSerializer() {
        return new JsonTaskDataSerializer();
    }

    /**
     * Runs the jobs. Its own bookkeeping goes through the job queue's connections, whose commits do not wait for the
     * disk; the jobs' work runs in transactions of its own on the application's pool.
     */
    @Bean
    Scheduler scheduler(JobQueueConnections queue, ObjectProvider<Task<?>> tasks,
                        ObjectProvider<RecurringTask<?>> recurringTasks,
                        JobProperties properties, JsonTaskDataSerializer serializer) {
        return Scheduler.create(queue.dataSource(), oneTimeTasks(tasks))
                .startTasks(recurringTasks.orderedStream().toList())
                .serializer(serializer)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .pollUsingLockAndFetch(1.0, 4.0)
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .heartbeatInterval(properties.heartbeat())
                .missedHeartbeatsLimit(JobProperties.MISSED_HEARTBEATS)
                .shutdownMaxWait(properties.shutdownWait())
                // a failure is logged once, by RetryThenDeadLetter, with when it is tried next
                .failureLogging(LogLevel.DEBUG, true)
                .build();
    }

    // recurring tasks are registered by startTasks; listing them twice is refused
    private static List<Task<?>> oneTimeTasks(ObjectProvider<Task<?>> tasks) {
        return tasks.orderedStream().filter(task -> !(task instanceof RecurringTask<?>)).toList();
    }

    @Bean
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler, JobProperties properties) {
        return new SchedulerLifecycle(scheduler, properties.enabled());
    }
}
