package academy.cedarheights.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the workers once the context (and so the schema) is ready. At shutdown they stop once readiness is out of
 * service ({@code ShutdownDrain}) and before the web server: running jobs finish (bounded), no new one starts.
 */
final class SchedulerLifecycle implements SmartLifecycle {

    private final Scheduler scheduler;
    private final boolean enabled;
    private volatile boolean running;

    SchedulerLifecycle(Scheduler scheduler, boolean enabled) {
        this.scheduler = scheduler;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        if (enabled) {
            scheduler.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (enabled) {
            scheduler.stop();
        }
        running = false;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
