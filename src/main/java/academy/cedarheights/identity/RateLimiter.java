package academy.cedarheights.identity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in PostgreSQL, so a limit holds across every instance. Each hit is one atomic
 * upsert; the row lock serialises concurrent hits on the same key.
 */
@Component
class RateLimiter {

    private final JdbcClient jdbc;

    RateLimiter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts a hit on {@code key}; returns how long to wait when it is over {@code limit} in its window. */
    Optional<Duration> hit(String key, int limit, Duration window) {
        Hits hits = jdbc.sql("""
                        with hit as (
                            insert into rate_limit_counters as c (key, window_started_at, hits) values (:key, now(), 1)
                            on conflict (key) do update set
                                hits = case when c.window_started_at <= now() - make_interval(secs => :seconds)
                                            then 1 else c.hits + 1 end,
                                window_started_at = case when c.window_started_at <= now() - make_interval(secs => :seconds)
                                                         then now() else c.window_started_at end
                            returning hits, window_started_at)
                        select hits,
                               ceil(extract(epoch from window_started_at + make_interval(secs => :seconds) - now()))
                                   as seconds_left
                          from hit""")
                .param("key", key)
                .param("seconds", (double) window.toSeconds())
                .query((rs, row) -> new Hits(rs.getInt("hits"), rs.getLong("seconds_left")))
                .single();
        return hits.count() > limit ? Optional.of(Duration.ofSeconds(Math.max(1, hits.secondsLeft()))) : Optional.empty();
    }

    /** Forgets windows that ended long ago. */
    int forgetOlderThan(Duration age) {
        return jdbc.sql("delete from rate_limit_counters where window_started_at < :before")
                .param("before", OffsetDateTime.now(ZoneOffset.UTC).minus(age))
                .update();
    }

    private record Hits(int count, long secondsLeft) {
    }
}
