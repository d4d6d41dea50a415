package academy.cedarheights.identity.web;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The pages' sign-in: our backend JWT in an HttpOnly, SameSite=Lax cookie (Secure when the request came over
 * HTTPS), so page scripts never see it. The API does not read it: API calls carry the token in a header, which is
 * why the API needs no CSRF protection and the pages do.
 */
public final class SessionCookie {

    public static final String NAME = "cedar_session";

    private SessionCookie() {
    }

    public static String token(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(NAME) && !cookie.getValue().isBlank()) {
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
        return ResponseCookie.from(NAME, value).httpOnly(true).secure(request.isSecure()).sameSite("Lax").path("/")
                .maxAge(lifetime).build();
    }
}
