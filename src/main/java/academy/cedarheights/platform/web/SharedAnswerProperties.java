package academy.cedarheights.platform.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How long what every visitor of a school sees alike may be served from a copy ({@code APP_PUBLIC_CACHE_*}).
 *
 * @param maxAge               a copy is fresh this long after it was rendered, here and in any browser or proxy
 *                             ({@code Cache-Control: max-age}); zero turns the cache off
 * @param staleWhileRevalidate a copy past its age may still be shown this much longer while a fresh one is
 *                             fetched ({@code stale-while-revalidate}); so a slot just held is shown free for at
 *                             most {@code maxAge + staleWhileRevalidate}
 * @param memory               the copies one instance keeps in all; past it they are dropped and rendered again
 */
@ConfigurationProperties("app.public-cache")
public record SharedAnswerProperties(
        @DefaultValue("2s") Duration maxAge,
        @DefaultValue("3s") Duration staleWhileRevalidate,
        @DefaultValue("64MB") DataSize memory) {

    boolean enabled() {
        return !maxAge.isZero() && !maxAge.isNegative();
    }

    /** The longest a copy may be shown after it was rendered, by this instance or anything in front of it. */
    public Duration longestShown() {
        return maxAge.plus(staleWhileRevalidate);
    }
}
