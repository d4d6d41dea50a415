package academy.cedarheights.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} reports the job workers: up while they poll, down once stopped. */
@Component
class SchedulerHealthIndicator implements HealthIndicator {

    private final Scheduler scheduler;
    private final JobProperties properties;

    SchedulerHealthIndicator(Scheduler scheduler, JobProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (!properties.enabled()) {
            return Health.up().withDetail("workers", "disabled in this instance").build();
        }
        SchedulerState state = scheduler.getSchedulerState();
        Health.Builder health = state.isStarted() && !state.isShuttingDown() && !state.isPaused()
                ? Health.up() : Health.down();
        return health.withDetail("started", state.isStarted())
                .withDetail("shutting_down", state.isShuttingDown())
                .withDetail("threads", properties.threads())
                .build();
    }
}
