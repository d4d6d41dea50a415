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
 * @param retryBase       the first retry waits this long, each next one twice as long (2^n × base) ...
 * @param retryCap        ... but never longer than this: a provider down for an afternoon is tried every ten minutes,
 *                        and the first try after it is back comes at most this long after
 * @param maxAttempts     attempts before a job is given up and written to the dead-letter table. The defaults give
 *                        a job about three hours (5 s, 10 s, … 320 s, then ten minutes apart): an outage of Stripe,
 *                        Mailjet or Twilio shorter than that loses nothing and needs nobody
 * @param heartbeat       how often an instance says it is still working on the jobs it picked; a job whose
 *                        instance missed four heartbeats (it crashed, or was killed) is run again by another
 *                        instance, or by this one restarted
 * @param shutdownWait    at shutdown, how long running jobs may take to finish; one still running after that is
 *                        picked up again by another instance (or this one restarted) once its heartbeat is stale
 */
@ConfigurationProperties("app.jobs")
public record JobProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int threads,
        @DefaultValue("5s") Duration pollingInterval,
        @DefaultValue("5s") Duration retryBase,
        @DefaultValue("10m") Duration retryCap,
        @DefaultValue("25") int maxAttempts,
        @DefaultValue("30s") Duration heartbeat,
        @DefaultValue("20s") Duration shutdownWait) {

    /** Heartbeats an instance may miss before its jobs count as abandoned. */
    static final int MISSED_HEARTBEATS = 4;

    /** How long attempt {@code n} (1 for the first failure) waits before the next: base × 2^(n−1), at most the cap. */
    Duration retryDelay(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration delay = retryBase.multipliedBy(1L << doublings);
        return delay.compareTo(retryCap) > 0 ? retryCap : delay;
    }
}
