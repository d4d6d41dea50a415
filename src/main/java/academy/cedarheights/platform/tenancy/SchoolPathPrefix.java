package academy.cedarheights.platform.tenancy;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves every page of a school under {@code /s/<slug>/…} when it has no domain of its own: the request is passed on
 * with {@code /s/<slug>} as its context path, so the rest of the app sees the same paths as at the root — and every
 * link it makes ({@code @{/parent}} in a template, {@code redirect:/parent}, a cookie's path) carries the prefix
 * back without knowing of it. The slug is left for the school resolver, which prefers it to any other sign. Only
 * pages are served so: the API names its school by header, and the operator's endpoints ({@code /actuator}) stay at
 * the root, behind their own checks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SchoolPathPrefix extends OncePerRequestFilter {

    /** The request attribute holding the slug the path named. */
    public static final String SLUG = SchoolPathPrefix.class.getName() + ".slug";

    private static final Pattern PREFIXED = Pattern.compile("^/s/([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(/.*)?$");

    /** The slug a request's path names, if it is a prefixed one. */
    public static Optional<String> slugOf(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(SLUG));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher prefixed = PREFIXED.matcher(path);
        if (!prefixed.matches() || isNotAPage(prefixed.group(2))) {
            chain.doFilter(request, response);
            return;
        }
        if (prefixed.group(2) == null) {
            // "/s/slug" alone: the school's home, with the slash its relative links need
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        request.setAttribute(SLUG, prefixed.group(1));
        chain.doFilter(new Prefixed(request, request.getContextPath() + "/s/" + prefixed.group(1)), response);
    }

    private static boolean isNotAPage(String rest) {
        return rest != null && (rest.startsWith("/api/") || rest.equals("/actuator") || rest.startsWith("/actuator/"));
    }

    /** The path of a request within the app, after its school's prefix if it has one: {@code /parent}. */
    public static String pathWithinSchool(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The same request, seen as one made to the app mounted at the school's prefix. */
    private static final class Prefixed extends HttpServletRequestWrapper {

        private final String contextPath;

        Prefixed(HttpServletRequest request, String contextPath) {
            super(request);
            this.contextPath = contextPath;
        }

        @Override
        public String getContextPath() {
            return contextPath;
        }

        @Override
        public String getServletPath() {
            return getRequestURI().substring(contextPath.length());
        }

        @Override
        public String getPathInfo() {
            return null;
        }
    }
}
