package academy.cedarheights.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import academy.cedarheights.platform.config.AppProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metrics tell a stranger how busy a school is and which endpoints exist: {@code /actuator/prometheus} answers only
 * a scraper presenting {@code APP_METRICS_TOKEN} as a bearer token (compared in constant time), and not at all (404)
 * when no token is configured.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class MetricsToken extends OncePerRequestFilter {

    static final String PATH = "/actuator/prometheus";
    private final byte[] expected;
    private final ProblemSecurityHandlers problems;

    MetricsToken(AppProperties app, ProblemSecurityHandlers problems) {
        String token = app.metricsToken();
        this.expected = token == null || token.isBlank() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (expected == null) {
            problems.write(response, Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "Metrics are not served here (APP_METRICS_TOKEN is not set)."), request);
            return;
        }
        String presented = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (presented == null || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "The metrics token is required as 'Authorization: Bearer <APP_METRICS_TOKEN>'."), request);
            return;
        }
        chain.doFilter(request, response);
    }
}
