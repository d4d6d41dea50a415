package academy.cedarheights.platform.jobs;

import java.util.List;
import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * db-scheduler over the application's database (no Boot 4 starter exists, so it is wired here).
 * The scheduler sees the DataSource through a transaction-aware proxy: a job scheduled inside a
 * Spring transaction is written on that transaction's connection and rolls back with it.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    JsonTaskDataSerializer jsonTaskDataSerializer() {
        return new JsonTaskDataSerializer();
    }

    @Bean
    Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks,
                        ObjectProvider<RecurringTask<?>> recurringTasks,
                        JobProperties properties, JsonTaskDataSerializer serializer) {
        // recurring tasks are registered by startTasks; listing them twice is refused
        List<Task<?>> oneTimeTasks = tasks.orderedStream().filter(task -> !(task instanceof RecurringTask<?>)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneTimeTasks)
                .startTasks(recurringTasks.orderedStream().toList())
                .serializer(serializer)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                .commitWhenAutocommitDisabled(false)
                .alwaysPersistTimestampInUTC()
                .build();
    }

    @Bean
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler, JobProperties properties) {
        return new SchedulerLifecycle(scheduler, properties.enabled());
    }
}
