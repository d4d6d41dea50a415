package academy.cedarheights.platform.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import academy.cedarheights.platform.security.Sha256;
import academy.cedarheights.platform.security.SignedIn;
import academy.cedarheights.platform.tenancy.SchoolPathPrefix;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves what every visitor of a school sees alike — its public page to a visitor who is not signed in, and the
 * public API's answers to anyone — from a copy rendered at most once per {@code max-age} per address, instead of
 * reading the timetable and rendering it again for each of an opening day's hundreds of visitors.
 *
 * <p>A copy is kept {@code APP_PUBLIC_CACHE_MAX_AGE} (2 s) and said so ({@code Cache-Control: public, max-age},
 * {@code Age}), so a browser or a proxy in front may keep it as long and no longer; with its {@code ETag} (a hash of
 * the bytes) a client that holds the same copy gets a 304. Past its age a copy is rendered again by one request
 * while the others are still given the old one, for at most {@code stale-while-revalidate} (3 s) more: a slot just
 * held is shown free for five seconds at the most, which its booking then refuses with a clear answer.
 *
 * <p>The age bounds freshness rather than a version of the timetable because every booking changes the timetable:
 * a version row bumped by each booking would be one row every booking of a school waits on until it commits.
 *
 * <p>A copy for everyone must hold nothing of one visitor: it is rendered without the visitor's CSRF token (the
 * public page posts nothing), an answer that sets a cookie or is not a 200 is not kept, and a request with a token
 * or a session cookie is answered as before, personally and {@code no-store}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class SharedAnswers extends OncePerRequestFilter {

    private static final String PUBLIC_API = "/api/v1/public/";
    /** Spring Security's own, kept when an answer is not shared: it writes its cache headers only where none are. */
    private static final String NOT_SHARED = "no-cache, no-store, max-age=0, must-revalidate";
    /** Headers of the rendering not to repeat: the request's own, the cache's own, and the transport's. */
    private static final Set<String> NOT_REPEATED = caseInsensitive(List.of(HttpHeaders.SET_COOKIE,
            HttpHeaders.CACHE_CONTROL, HttpHeaders.ETAG, HttpHeaders.AGE, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_LENGTH, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.DATE, RequestIdFilter.HEADER));

    private final SharedAnswerProperties settings;
    private final Clock clock;
    private final String cacheControl;
    private final Map<Key, KeptAnswer> kept = new ConcurrentHashMap<>();
    private final AtomicLong bytesKept = new AtomicLong();

    public SharedAnswers(SharedAnswerProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.cacheControl = "public, max-age=" + settings.maxAge().toSeconds()
                + ", stale-while-revalidate=" + settings.staleWhileRevalidate().toSeconds();
    }

    /** What is shared, and what a proxy must tell apart besides the address. */
    private enum Kind {
        PAGE("HX-Request, X-School, Cookie"),
        API("X-School");

        private final String vary;

        Kind(String vary) {
            this.vary = vary;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled() || kindOf(request) == null;
    }

    private static Kind kindOf(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        String path = SchoolPathPrefix.pathWithinSchool(request);
        if (path.startsWith(PUBLIC_API)) {
            return Kind.API;
        }
        return path.equals("/") && !SignedIn.mayBe(request) ? Kind.PAGE : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Kind kind = kindOf(request);
        Key key = Key.of(request, kind);
        Instant now = clock.instant();
        KeptAnswer copy = kept.get(key);
        if (copy != null && copy.freshAt(now, settings.maxAge())) {
            sendCopy(copy, kind, request, response, now);
            return;
        }
        if (copy != null && copy.shownAt(now, settings.longestShown())) {
            // past its age: one request renders it again, the others are given this copy meanwhile
            if (!copy.claimRenewal()) {
                sendCopy(copy, kind, request, response, now);
                return;
            }
            try {
                render(key, kind, request, response, chain, now);
            } finally {
                copy.renewalDone();
            }
            return;
        }
        render(key, kind, request, response, chain, now);
    }

    private void render(Key key, Kind kind, HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain, Instant now) throws ServletException, IOException {
        Set<String> earlier = caseInsensitive(response.getHeaderNames());
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        response.setHeader(HttpHeaders.CACHE_CONTROL, NOT_SHARED);
        chain.doFilter(new WithoutCsrfToken(request), rendering);
        byte[] body = rendering.getContentAsByteArray();
        if (rendering.getStatus() != HttpServletResponse.SC_OK || response.containsHeader(HttpHeaders.SET_COOKIE)
                || body.length > settings.memory().toBytes() / 8) {
            rendering.copyBodyToResponse();
            return;
        }
        KeptAnswer copy = new KeptAnswer(body, etagOf(body), rendering.getContentType(),
                headersSetSince(earlier, response), now);
        keep(key, copy, now);
        if (sendHeaders(copy, kind, request, response, now)) {
            rendering.copyBodyToResponse();
        }
    }

    private void sendCopy(KeptAnswer copy, Kind kind, HttpServletRequest request, HttpServletResponse response,
                          Instant now) throws IOException {
        copy.headers().forEach(header -> response.addHeader(header.name(), header.value()));
        if (copy.contentType() != null) {
            response.setContentType(copy.contentType());
        }
        if (sendHeaders(copy, kind, request, response, now)) {
            response.setContentLength(copy.body().length);
            response.getOutputStream().write(copy.body());
        }
    }

    /** The cache's headers; a 304 and false when the client already holds this copy. */
    private boolean sendHeaders(KeptAnswer copy, Kind kind, HttpServletRequest request, HttpServletResponse response,
                                Instant now) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader(HttpHeaders.ETAG, copy.etag());
        long age = Math.max(0, Duration.between(copy.renderedAt(), now).toSeconds());
        response.setHeader(HttpHeaders.AGE, Long.toString(age));
        response.addHeader(HttpHeaders.VARY, kind.vary);
        if (held(request.getHeader(HttpHeaders.IF_NONE_MATCH), copy.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return false;
        }
        return true;
    }

    /** If-None-Match compares weakly (RFC 9110 §13.1.2): a W/ tag of the same bytes is the same copy. */
    static boolean held(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String given = tag.trim();
            if (given.equals("*") || (given.startsWith("W/") ? given.substring(2) : given).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etagOf(byte[] body) {
        byte[] hash = Sha256.digest(body);
        return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + '"';
    }

    private static List<Header> headersSetSince(Set<String> earlier, HttpServletResponse response) {
        List<Header> headers = new ArrayList<>();
        for (String name : caseInsensitive(response.getHeaderNames())) {
            if (!earlier.contains(name) && !NOT_REPEATED.contains(name)) {
                response.getHeaders(name).forEach(value -> headers.add(new Header(name, value)));
            }
        }
        return headers;
    }

    /** Keeps a copy within the memory allowed: past it, the stale copies go, and all of them if that is not enough. */
    private void keep(Key key, KeptAnswer copy, Instant now) {
        long allowed = settings.memory().toBytes();
        if (bytesKept.get() + copy.size() > allowed) {
            kept.values().removeIf(old -> !old.shownAt(now, settings.longestShown()));
            long left = kept.values().stream().mapToLong(KeptAnswer::size).sum();
            if (left + copy.size() > allowed) {
                kept.clear();
                left = 0;
            }
            bytesKept.set(left);
        }
        KeptAnswer replaced = kept.put(key, copy);
        bytesKept.addAndGet(copy.size() - (replaced == null ? 0 : replaced.size()));
    }

    private static Set<String> caseInsensitive(Collection<String> names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(names);
        return set;
    }

    /**
     * Everything a shared answer may depend on: the school (named by host, path prefix or header), the address, an
     * htmx request's fragment and a cross-origin caller's CORS headers.
     */
    private record Key(Kind kind, String host, String school, String origin, String uri, String query,
                       boolean fragment) {

        static Key of(HttpServletRequest request, Kind kind) {
            return new Key(kind, request.getServerName(), request.getHeader("X-School"), request.getHeader("Origin"),
                    request.getRequestURI(), request.getQueryString(), request.getHeader("HX-Request") != null);
        }
    }

    record Header(String name, String value) {
    }

    /**
     * The request a shared copy is rendered for: Spring Security's CSRF filter may not give it a token, so the
     * page neither shows one nor sets its cookie.
     */
    private static final class WithoutCsrfToken extends HttpServletRequestWrapper {

        private static final Set<String> HIDDEN = Set.of(CsrfToken.class.getName(), "_csrf");

        WithoutCsrfToken(HttpServletRequest request) {
            super(request);
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (!HIDDEN.contains(name)) {
                super.setAttribute(name, value);
            }
        }
    }
}
