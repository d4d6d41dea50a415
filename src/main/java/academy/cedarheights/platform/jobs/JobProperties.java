package academy.cedarheights.platform.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How background jobs run and retry.
 *
 * @param enabled         run jobs in this instance (every instance may; the database hands each job to one)
 * @param threads         worker threads per instance: two, so background work holds at most two of the application
 *                        pool's eight connections and a rush of people booking is answered first (the queue catches up)
 * @param pollingInterval how often an instance looks for due jobs it was not told about directly
 * @param retryBase       the first retry waits this long, each next one twice as long (2^n × base)
 * @param maxAttempts     attempts before a job is given up and written to the dead-letter table
 * @param shutdownWait    at shutdown, how long running jobs may take to finish; one still running after that is
 *                        picked up again by another instance (or this one restarted) once its heartbeat is stale
 */
@ConfigurationProperties("app.jobs")
public record JobProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int threads,
        @DefaultValue("5s") Duration pollingInterval,
        @DefaultValue("1s") Duration retryBase,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("20s") Duration shutdownWait) {
}
