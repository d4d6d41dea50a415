package academy.cedarheights.platform.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an operator alerts on about background work ({@code /actuator/prometheus}): jobs given up
 * ({@code cedar_dead_letters_total}, counted by the instance that gave up) and how long the oldest due job has waited
 * ({@code cedar_jobs_oldest_due_seconds}, read from the shared queue, so every instance reports the same).
 */
@Component
class JobMetrics {

    private final JdbcClient jdbc;
    private final Counter deadLetters;

    JobMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.deadLetters = Counter.builder("cedar.dead.letters").description("Jobs given up after their last retry")
                .register(registry);
        Gauge.builder("cedar.jobs.oldest.due", this, JobMetrics::oldestDueSeconds).baseUnit("seconds")
                .description("How long the oldest job due and not yet picked has waited").register(registry);
    }

    @EventListener
    void on(JobDeadLettered dead) {
        deadLetters.increment();
    }

    /** The queue is no tenant table: it is read without a school, outside any transaction. */
    double oldestDueSeconds() {
        return jdbc.sql("""
                        select coalesce(extract(epoch from now() - min(execution_time)), 0) from scheduled_tasks
                         where not picked and execution_time <= now()""")
                .query(Double.class).single();
    }
}
