package academy.cedarheights.platform.web;

import java.time.Duration;

/** The caller must slow down; answered 429 with {@code Retry-After}. */
public class TooManyRequests extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequests(String detail, Duration retryAfter) {
        super(detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
