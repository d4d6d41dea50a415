package academy.cedarheights.identity;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import academy.cedarheights.identity.web.SessionCookie;
import academy.cedarheights.platform.tenancy.SchoolPathPrefix;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;

/**
 * A page that needs a signed-in person sends a visitor to the sign-in page and back afterwards. A stale or
 * refused cookie is dropped on the way, so the sign-in page itself is reachable. htmx requests are redirected
 * through {@code HX-Redirect}, which makes the whole page go, not the fragment.
 */
final class PageSignInEntryPoint {

    private PageSignInEntryPoint() {
    }

    static void redirect(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        if (SessionCookie.token(request) != null) {
            SessionCookie.clear(request, response);
        }
        // "next" is a path of the school's own pages; the sign-in page is its school's too (under its prefix, if any)
        String back = SchoolPathPrefix.pathWithinSchool(request)
                + (request.getQueryString() != null ? "?" + request.getQueryString() : "");
        String target = request.getContextPath() + "/sign-in?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(target);
        }
    }
}
