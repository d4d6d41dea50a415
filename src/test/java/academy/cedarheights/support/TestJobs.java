package academy.cedarheights.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import academy.cedarheights.platform.jobs.JobDefinitions;
import academy.cedarheights.platform.jobs.Jobs;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.slf4j.MDC;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Jobs that exist only in tests, to prove the job machinery itself. */
@TestConfiguration(proxyBeanMethods = false)
public class TestJobs {

    /** How many times each probe payload has run. */
    public static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    /** What each probe's log lines carried besides their message (the logging context of its last run). */
    public static final Map<String, Map<String, String>> LOGGED_WITH = new ConcurrentHashMap<>();

    public record Probe(String key, UUID schoolId, boolean fail) implements academy.cedarheights.platform.jobs.SchoolScoped {
    }

    @Bean
    OneTimeTask<Probe> probeTask(JobDefinitions jobs) {
        return jobs.oneTime("test-probe", Probe.class, (instance, context) -> {
            Probe probe = instance.getData();
            int run = RUNS.computeIfAbsent(probe.key(), key -> new AtomicInteger()).incrementAndGet();
            LOGGED_WITH.put(probe.key(), MDC.getCopyOfContextMap());
            if (probe.fail()) {
                throw new IllegalStateException("probe " + probe.key() + " failed on run " + run);
            }
        });
    }
}
