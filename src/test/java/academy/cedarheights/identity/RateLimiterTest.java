package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import academy.cedarheights.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The counters live in PostgreSQL, so concurrent hits (from any number of instances) share one limit. */
@IntegrationTest
class RateLimiterTest {

    @Autowired RateLimiter limiter;
    @Autowired TransactionTemplate transaction;

    @Test
    void concurrentHitsShareOneLimit() throws Exception {
        String key = "address:test-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Optional<Duration>>> hits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            hits.add(() -> transaction.execute(status -> limiter.hit(key, 5, Duration.ofMinutes(1))));
        }
        List<Optional<Duration>> answers = new ArrayList<>();
        for (Future<Optional<Duration>> answer : pool.invokeAll(hits)) {
            answers.add(answer.get());
        }
        pool.shutdown();

        assertThat(answers.stream().filter(Optional::isEmpty).count()).isEqualTo(5);
        assertThat(answers.stream().flatMap(Optional::stream)).allSatisfy(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }

    @Test
    void aNewWindowStartsAfreshOnceTheOldOneEnds() {
        String key = "account:test-" + UUID.randomUUID();
        transaction.execute(status -> limiter.hit(key, 1, Duration.ofSeconds(1)));
        Optional<Duration> second = transaction.execute(status -> limiter.hit(key, 1, Duration.ofSeconds(1)));
        assertThat(second).isPresent();

        org.awaitility.Awaitility.await().pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                .until(() -> transaction.execute(status -> limiter.hit(key, 1, Duration.ofSeconds(1))).isEmpty());
    }
}
