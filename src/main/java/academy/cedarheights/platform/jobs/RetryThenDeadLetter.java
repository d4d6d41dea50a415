package academy.cedarheights.platform.jobs;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Retries a failed job with exponential backoff (base × 2^n, capped) and, once it has failed
 * {@code maxAttempts} times, writes a dead letter <em>before</em> removing the execution, so a job
 * is never lost between the two.
 */
final class RetryThenDeadLetter<T> implements FailureHandler<T> {

    private static final Logger log = LoggerFactory.getLogger(RetryThenDeadLetter.class);
    private static final int MAX_ERROR_LENGTH = 4000;

    private final JobProperties retries;
    private final DeadLetters deadLetters;
    private final JsonTaskDataSerializer serializer;
    private final ApplicationEventPublisher events;

    private final ObjectProvider<DeadLetterSchools> schools;

    RetryThenDeadLetter(JobProperties retries, DeadLetters deadLetters, JsonTaskDataSerializer serializer,
                        ApplicationEventPublisher events, ObjectProvider<DeadLetterSchools> schools) {
        this.schools = schools;
        this.retries = retries;
        this.deadLetters = deadLetters;
        this.serializer = serializer;
        this.events = events;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        TaskInstance<?> failed = complete.getExecution().taskInstance;
        try (JobLogContext logged = JobLogContext.of(failed.getTaskName(), failed.getId(), failed.getData())) {
            handle(complete, operations);
        }
    }

    private void handle(ExecutionComplete complete, ExecutionOperations<T> operations) {
        int attempts = complete.getExecution().consecutiveFailures + 1;
        if (attempts < retries.maxAttempts()) {
            retryLater(complete, operations, attempts);
            return;
        }
        TaskInstance<?> instance = complete.getExecution().taskInstance;
        Object data = instance.getData();
        UUID schoolId = data instanceof SchoolScoped scoped ? scoped.schoolId() : schoolFoundNow(instance.getTaskName(), data);
        String error = describe(complete.getCause().orElse(null));
        UUID id = deadLetters.add(schoolId, instance.getTaskName(), instance.getId(), serializer.describe(data), error, attempts);
        operations.stop();
        log.error("Job {}/{} failed {} times and was dead-lettered as {}: {}",
                instance.getTaskName(), instance.getId(), attempts, id, error);
        events.publishEvent(new JobDeadLettered(id, schoolId, instance.getTaskName(), instance.getId(), error));
    }

    /**
     * One line a failed attempt, its stack trace only the first time: a provider down for an hour writes a line every
     * ten minutes per job, not a page.
     */
    private void retryLater(ExecutionComplete complete, ExecutionOperations<T> operations, int attempts) {
        TaskInstance<?> instance = complete.getExecution().taskInstance;
        Instant next = complete.getTimeDone().plus(retries.retryDelay(attempts));
        Throwable cause = complete.getCause().orElse(null);
        String line = "Job {}/{} failed (attempt {} of {}), next at {}: {}";
        if (attempts == 1) {
            log.warn(line, instance.getTaskName(), instance.getId(), attempts, retries.maxAttempts(), next,
                    describe(cause), cause);
        } else {
            log.warn(line, instance.getTaskName(), instance.getId(), attempts, retries.maxAttempts(), next,
                    describe(cause));
        }
        operations.reschedule(complete, next);
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        String text = cause.getClass().getName() + ": " + cause.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    /** A payload without its school may belong to one that is known by now; a failing lookup only logs. */
    private UUID schoolFoundNow(String taskName, Object data) {
        try {
            return schools.orderedStream().map(finder -> finder.schoolOf(taskName, data)).flatMap(Optional::stream)
                    .findFirst().orElse(null);
        } catch (RuntimeException e) {
            log.warn("Could not tell the school of dead job {}: {}", taskName, e.toString());
            return null;
        }
    }
}
