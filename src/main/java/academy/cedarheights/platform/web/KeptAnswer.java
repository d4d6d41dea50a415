package academy.cedarheights.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** One shared answer as it was rendered: its bytes, their hash, the headers it had, and when. */
final class KeptAnswer {

    private final byte[] body;
    private final String etag;
    private final String contentType;
    private final List<SharedAnswers.Header> headers;
    private final Instant renderedAt;
    private final AtomicBoolean renewing = new AtomicBoolean();

    KeptAnswer(byte[] body, String etag, String contentType, List<SharedAnswers.Header> headers, Instant renderedAt) {
        this.body = body;
        this.etag = etag;
        this.contentType = contentType;
        this.headers = List.copyOf(headers);
        this.renderedAt = renderedAt;
    }

    boolean freshAt(Instant now, Duration maxAge) {
        return now.isBefore(renderedAt.plus(maxAge));
    }

    boolean shownAt(Instant now, Duration longest) {
        return now.isBefore(renderedAt.plus(longest));
    }

    /** True for the one request that renders it again. */
    boolean claimRenewal() {
        return renewing.compareAndSet(false, true);
    }

    void renewalDone() {
        renewing.set(false);
    }

    long size() {
        return body.length + 512L;
    }

    byte[] body() {
        return body;
    }

    String etag() {
        return etag;
    }

    String contentType() {
        return contentType;
    }

    List<SharedAnswers.Header> headers() {
        return headers;
    }

    Instant renderedAt() {
        return renderedAt;
    }
}
