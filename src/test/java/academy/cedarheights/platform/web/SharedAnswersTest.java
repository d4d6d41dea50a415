package academy.cedarheights.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import academy.cedarheights.support.MovableClock;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.util.unit.DataSize;

/**
 * The shared-answer cache in front of a stand-in for the application, which renders "render N" each time it is
 * asked: what a visitor gets, with which headers, and when the application is asked again.
 */
class SharedAnswersTest {

    private final MovableClock clock = new MovableClock();
    private final List<String> rendered = new ArrayList<>();
    private SharedAnswers cache = cacheOf(DataSize.ofMegabytes(1));
    /** What the stand-in does besides answering, for the test at hand. */
    private Consumer<HttpServletResponse> alsoDoes = response -> { };
    private int status = 200;
    private String sameBytes;

    @BeforeEach
    void startOfTheDay() {
        clock.set(Instant.parse("2026-09-08T21:00:00Z"));
    }

    private SharedAnswers cacheOf(DataSize memory) {
        return new SharedAnswers(new SharedAnswerProperties(Duration.ofSeconds(2), Duration.ofSeconds(3), memory),
                clock);
    }

    @Test
    void aSecondVisitorWithinTheAgeGetsTheSameBytesAndHeadersWithoutTheApplicationAsked() throws Exception {
        MockHttpServletResponse first = get(request("/api/v1/public/timeslots", "available=true"));
        clock.advance(Duration.ofMillis(1_500));
        MockHttpServletRequest second = request("/api/v1/public/timeslots", "available=true");
        MockHttpServletResponse again = new MockHttpServletResponse();
        again.setHeader(RequestIdFilter.HEADER, "the-second-request");
        filter(second, again);

        assertThat(rendered).hasSize(1);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString()).isEqualTo("render 1");
        assertThat(again.getContentType()).isEqualTo("application/json");
        assertThat(again.getHeader("Content-Security-Policy")).isEqualTo("default-src 'self'");
        assertThat(again.getHeaders(RequestIdFilter.HEADER)).as("its own request id only")
                .containsExactly("the-second-request");
        assertThat(again.getHeader("ETag")).isEqualTo(first.getHeader("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(again.getHeader("Cache-Control")).isEqualTo(first.getHeader("Cache-Control"))
                .isEqualTo("public, max-age=2, stale-while-revalidate=3");
        assertThat(first.getHeader("Age")).isEqualTo("0");
        assertThat(again.getHeader("Age")).isEqualTo("1");
        assertThat(again.getHeader("Vary")).isEqualTo("X-School");
    }

    @Test
    void aSlotHeldAfterACopyWasMadeIsShownAtTheLatestWhenTheCopyReachesItsAge() throws Exception {
        get(request("/", null));
        clock.advance(Duration.ofMillis(1_999));
        assertThat(get(request("/", null)).getContentAsString()).isEqualTo("render 1");
        clock.advance(Duration.ofMillis(1));
        assertThat(get(request("/", null)).getContentAsString()).isEqualTo("render 2");
        assertThat(rendered).hasSize(2);
    }

    @Test
    void whileOneVisitorHasTheCopyRenderedAgainTheOthersAreGivenItWithinItsStaleTimeOnly() throws Exception {
        get(request("/", null));
        clock.advance(Duration.ofMillis(2_500));
        List<String> meanwhile = new ArrayList<>();
        alsoDoes = response -> {
            // another visitor comes while the application renders for the first
            alsoDoes = ignored -> { };
            meanwhile.add(anotherVisitorSees("/"));
        };
        assertThat(get(request("/", null)).getContentAsString()).isEqualTo("render 2");
        assertThat(meanwhile).containsExactly("render 1");

        clock.advance(Duration.ofSeconds(5));
        alsoDoes = response -> {
            alsoDoes = ignored -> { };
            meanwhile.add(anotherVisitorSees("/"));
        };
        get(request("/", null));
        assertThat(meanwhile).as("five seconds on, nobody is given the old copy").containsExactly("render 1",
                "render 4");
    }

    @Test
    void aVisitorWhoHoldsTheCopyAlreadyGetsA304WithoutBody() throws Exception {
        String etag = get(request("/", null)).getHeader("ETag");
        for (String held : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
            MockHttpServletRequest conditional = request("/", null);
            conditional.addHeader("If-None-Match", held);
            MockHttpServletResponse answer = get(conditional);
            assertThat(answer.getStatus()).as(held).isEqualTo(304);
            assertThat(answer.getContentAsByteArray()).isEmpty();
            assertThat(answer.getHeader("ETag")).isEqualTo(etag);
        }
        MockHttpServletRequest changed = request("/", null);
        changed.addHeader("If-None-Match", "\"an-older-copy\"");
        assertThat(get(changed).getStatus()).isEqualTo(200);

    }

    @Test
    void pastItsAgeACopyRenderedAgainWithTheSameBytesIsStillTheOneTheVisitorHolds() throws Exception {
        sameBytes = "the same timetable";
        String etag = get(request("/api/v1/public/school", null)).getHeader("ETag");
        clock.advance(Duration.ofSeconds(10));
        MockHttpServletRequest revalidating = request("/api/v1/public/school", null);
        revalidating.addHeader("If-None-Match", etag);
        MockHttpServletResponse answer = get(revalidating);
        assertThat(rendered).hasSize(2);
        assertThat(answer.getStatus()).isEqualTo(304);
        assertThat(answer.getContentAsByteArray()).isEmpty();
    }

    @Test
    void anAnswerThatIsNotA200OrSetsACookieIsNeitherKeptNorMarkedPublic() throws Exception {
        status = 404;
        MockHttpServletResponse missing = get(request("/api/v1/public/teachers", null));
        get(request("/api/v1/public/teachers", null));
        assertThat(rendered).hasSize(2);
        assertThat(missing.getHeader("Cache-Control")).isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
        assertThat(missing.getHeader("ETag")).isNull();

        status = 200;
        alsoDoes = response -> response.addHeader("Set-Cookie", "XSRF-TOKEN=one-visitors-token");
        MockHttpServletResponse withCookie = get(request("/", null));
        get(request("/", null));
        assertThat(rendered).hasSize(4);
        assertThat(withCookie.getHeader("Cache-Control")).isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
    }

    @Test
    void aSignedInVisitorsPageAndAnyRequestWithATokenAreTheirOwn() throws Exception {
        MockHttpServletRequest signedIn = request("/", null);
        signedIn.setCookies(new Cookie("cedar_session", "a.jwt.token"));
        MockHttpServletRequest prefixed = request("/", null);
        prefixed.setCookies(new Cookie("cedar_session_s_music", "a.jwt.token"));
        MockHttpServletRequest withToken = request("/api/v1/public/timeslots", null);
        withToken.addHeader("Authorization", "Bearer a.jwt.token");
        for (MockHttpServletRequest personal : List.of(signedIn, prefixed, withToken)) {
            MockHttpServletResponse answer = get(personal);
            assertThat(answer.getHeader("Cache-Control")).isNull();
            assertThat(answer.getHeader("ETag")).isNull();
        }
        get(signedIn);
        assertThat(rendered).hasSize(4);

        // a CSRF cookie left by another page is no sign-in; the API's answers are the same whoever asks
        MockHttpServletRequest anonymous = request("/", null);
        anonymous.setCookies(new Cookie("XSRF-TOKEN", "abc"));
        MockHttpServletRequest apiWithCookie = request("/api/v1/public/timeslots", null);
        apiWithCookie.setCookies(new Cookie("cedar_session", "a.jwt.token"));
        assertThat(get(anonymous).getHeader("Cache-Control")).startsWith("public");
        assertThat(get(apiWithCookie).getHeader("Cache-Control")).startsWith("public");
    }

    @Test
    void otherPagesOtherMethodsAndAnotherSchoolAreNotGivenTheCopy() throws Exception {
        get(request("/", null));
        MockHttpServletRequest otherSchool = request("/", null);
        otherSchool.addHeader("X-School", "another");
        MockHttpServletRequest otherHost = request("/", null);
        otherHost.setServerName("another.cedar.test");
        MockHttpServletRequest fragment = request("/", null);
        fragment.addHeader("HX-Request", "true");
        MockHttpServletRequest filtered = request("/", "day=2");
        MockHttpServletRequest crossOrigin = request("/", null);
        crossOrigin.addHeader("Origin", "https://elsewhere.example");
        for (MockHttpServletRequest other : List.of(otherSchool, otherHost, fragment, filtered, crossOrigin)) {
            get(other);
        }
        assertThat(rendered).hasSize(6);

        MockHttpServletRequest post = request("/api/v1/public/timeslots", null);
        post.setMethod("POST");
        List<MockHttpServletRequest> notShared = List.of(post, request("/parent", null),
                request("/api/v1/parent/bookings", null));
        for (MockHttpServletRequest personal : notShared) {
            assertThat(get(personal).getHeader("Cache-Control")).isNull();
            get(personal);
        }
        assertThat(rendered).hasSize(12);
    }

    @Test
    void theCopyIsRenderedWithoutTheVisitorsCsrfToken() throws Exception {
        List<Object> tokensSeen = new ArrayList<>();
        FilterChain application = (request, response) -> {
            request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "secret"));
            request.setAttribute("_csrf", new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "secret"));
            tokensSeen.add(request.getAttribute(CsrfToken.class.getName()));
            tokensSeen.add(request.getAttribute("_csrf"));
            response.getWriter().write("page");
        };
        cache.doFilter(request("/", null), new MockHttpServletResponse(), application);
        assertThat(tokensSeen).containsOnlyNulls().hasSize(2);
    }

    @Test
    void theCopiesStayWithinTheMemoryAllowed() throws Exception {
        cache = cacheOf(DataSize.ofKilobytes(8));
        for (int teacher = 0; teacher < 10; teacher++) {
            get(request("/api/v1/public/timeslots", "teacher_id=" + teacher));
        }
        get(request("/api/v1/public/timeslots", "teacher_id=0"));
        assertThat(rendered).as("the first copy was let go to keep the tenth").hasSize(11);
    }

    @Test
    void withoutAnAgeNothingIsShared() throws Exception {
        cache = new SharedAnswers(new SharedAnswerProperties(Duration.ZERO, Duration.ofSeconds(3),
                DataSize.ofMegabytes(1)), clock);
        assertThat(get(request("/", null)).getHeader("Cache-Control")).isNull();
        get(request("/", null));
        assertThat(rendered).hasSize(2);
    }

    private MockHttpServletRequest request(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setQueryString(query);
        return request;
    }

    private MockHttpServletResponse get(MockHttpServletRequest request) throws ServletException, IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter(request, response);
        return response;
    }

    private void filter(MockHttpServletRequest request, MockHttpServletResponse response)
            throws ServletException, IOException {
        cache.doFilter(request, response, this::application);
    }

    /** The stand-in for the application: each answer tells how many times it has been asked. */
    private void application(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
            throws IOException {
        HttpServletResponse http = (HttpServletResponse) response;
        rendered.add(((HttpServletRequest) request).getRequestURI());
        http.setStatus(status);
        http.setContentType("application/json");
        http.setHeader("Content-Security-Policy", "default-src 'self'");
        // a teacher's timetable is a long answer, for the test of the memory allowed
        boolean longAnswer = String.valueOf(((HttpServletRequest) request).getQueryString()).contains("teacher_id");
        String body = sameBytes != null ? sameBytes : "render " + rendered.size() + (longAnswer ? " ".repeat(600) : "");
        alsoDoes.accept(http);
        http.getWriter().write(body);
    }

    private String anotherVisitorSees(String path) {
        try {
            return get(request(path, null)).getContentAsString();
        } catch (IOException | ServletException e) {
            throw new IllegalStateException(e);
        }
    }
}
