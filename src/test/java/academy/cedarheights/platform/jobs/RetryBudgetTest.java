package academy.cedarheights.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The retry budget a production instance runs with: what its defaults promise the operator's guide. */
class RetryBudgetTest {

    static JobProperties bound(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("app.jobs", JobProperties.class);
    }

    static Duration budget(JobProperties jobs) {
        return IntStream.range(1, jobs.maxAttempts()).mapToObj(jobs::retryDelay).reduce(Duration.ZERO, Duration::plus);
    }

    @Test
    void aJobIsRetriedForAboutThreeHoursBackingOffToTenMinutes() {
        JobProperties defaults = bound(Map.of());

        assertThat(IntStream.rangeClosed(1, 9).mapToObj(defaults::retryDelay).map(Duration::toSeconds))
                .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 320L, 600L, 600L);
        assertThat(defaults.retryDelay(24)).isEqualTo(Duration.ofMinutes(10));
        assertThat(budget(defaults)).isBetween(Duration.ofHours(2).plusMinutes(45), Duration.ofHours(3).plusMinutes(15));
        assertThat(defaults.heartbeat().multipliedBy(JobProperties.MISSED_HEARTBEATS))
                .as("a killed instance's jobs run again within two minutes").isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theOperatorSetsTheBudgetByEnvironment() {
        JobProperties drill = bound(Map.of("app.jobs.retry-base", "2s", "app.jobs.retry-cap", "10s",
                "app.jobs.max-attempts", "30"));

        assertThat(IntStream.rangeClosed(1, 5).mapToObj(drill::retryDelay).map(Duration::toSeconds))
                .containsExactly(2L, 4L, 8L, 10L, 10L);
        assertThat(budget(drill)).isEqualTo(Duration.ofSeconds(2 + 4 + 8 + 10 * 26));
        assertThat(drill.retryDelay(Integer.MAX_VALUE)).as("no overflow however long it fails").isEqualTo(Duration.ofSeconds(10));
    }
}
