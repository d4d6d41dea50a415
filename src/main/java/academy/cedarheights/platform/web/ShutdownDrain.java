package academy.cedarheights.platform.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM, before the web server stops taking requests: readiness answers {@code OUT_OF_SERVICE} and the instance
 * keeps serving for {@code APP_SHUTDOWN_DRAIN}, so that a load balancer polling readiness sends the next requests
 * elsewhere instead of to a closed port. Then the server finishes the requests it has and the process exits.
 * Zero (the default) for one instance with nothing in front to tell.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);
    private final ApplicationContext context;
    private final Duration drain;
    private volatile boolean running;

    ShutdownDrain(ApplicationContext context, @Value("${app.shutdown-drain:0s}") Duration drain) {
        this.context = context;
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        if (!drain.isZero()) {
            log.info("Shutting down: out of service, still serving for {}", drain);
            try {
                Thread.sleep(drain.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * First of all at shutdown: out of service before the job workers finish what they run and before the web
     * server's graceful shutdown (phase {@code DEFAULT_PHASE - 1024}) stops taking requests.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
