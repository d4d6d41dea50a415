package academy.cedarheights.platform.jobs;

import java.time.Duration;

import academy.cedarheights.platform.persistence.AsyncCommit;
import com.github.kagkarlsson.scheduler.task.VoidExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Defines background jobs with the house retry policy; their transactions commit without waiting for the disk
 * ({@link AsyncCommit}). A module declares each of its jobs as a bean
 * built here; the scheduler picks up every such bean.
 */
@Component
public class JobDefinitions {

    private final JobProperties properties;
    private final DeadLetters deadLetters;
    private final JsonTaskDataSerializer serializer;
    private final ApplicationEventPublisher events;

    private final ObjectProvider<DeadLetterSchools> schools;

    JobDefinitions(JobProperties properties, DeadLetters deadLetters, JsonTaskDataSerializer serializer,
                   ApplicationEventPublisher events, ObjectProvider<DeadLetterSchools> schools) {
        this.schools = schools;
        this.properties = properties;
        this.deadLetters = deadLetters;
        this.serializer = serializer;
        this.events = events;
    }

    /** A job run once per scheduled instance, retried with backoff, then dead-lettered. */
    public <T> OneTimeTask<T> oneTime(String name, Class<T> payloadType, VoidExecutionHandler<T> handler) {
        return Tasks.oneTime(name, payloadType)
                .onFailure(new RetryThenDeadLetter<>(properties, deadLetters, serializer, events, schools))
                .execute((instance, context) -> {
                    try (JobLogContext logged = JobLogContext.of(name, instance.getId(), instance.getData())) {
                        AsyncCommit.during(() -> {
                            handler.execute(instance, context);
                            return null;
                        });
                    }
                });
    }

    /** A job run once per period across all instances (the database hands each run to one of them). */
    public RecurringTask<Void> recurring(String name, Duration period, Runnable action) {
        return Tasks.recurring(name, Schedules.fixedDelay(period))
                .execute((instance, context) -> {
                    MDC.put("job", name);
                    try {
                        AsyncCommit.during(() -> {
                            action.run();
                            return null;
                        });
                    } finally {
                        MDC.remove("job");
                    }
                });
    }
}
