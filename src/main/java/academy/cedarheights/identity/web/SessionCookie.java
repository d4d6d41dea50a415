package academy.cedarheights.identity.web;

import java.time.Duration;

import academy.cedarheights.platform.security.SignedIn;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The pages' sign-in: our backend JWT in an HttpOnly, SameSite=Lax cookie (Secure when the request came over
 * HTTPS), so page scripts never see it. The API does not read it: API calls carry the token in a header, which is
 * why the API needs no CSRF protection and the pages do. A school served under a path prefix ({@code /s/<slug>}) has
 * a cookie of its own name and path, so signing in to two schools of one deployment in one browser keeps both.
 */
public final class SessionCookie {

    public static final String NAME = SignedIn.SESSION_COOKIE;

    private SessionCookie() {
    }

    public static String token(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(name(request)) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, String token, Duration lifetime) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, token, lifetime).toString());
    }

    public static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration lifetime) {
        String prefix = request.getContextPath();
        return ResponseCookie.from(name(request), value).httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .path(prefix.isEmpty() ? "/" : prefix).maxAge(lifetime).build();
    }

    /** {@code cedar_session} at the root, {@code cedar_session_s_music} under {@code /s/music}. */
    static String name(HttpServletRequest request) {
        return NAME + request.getContextPath().replace('/', '_').replace('-', '_');
    }
}
