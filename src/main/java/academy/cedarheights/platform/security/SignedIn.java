package academy.cedarheights.platform.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** Tells, before anything checks them, whether a request carries a sign-in: its answer may then be its own. */
public final class SignedIn {

    /** The pages' session cookie: this name at the root, with the school's path after it under {@code /s/<slug>}. */
    public static final String SESSION_COOKIE = "cedar_session";

    private SignedIn() {
    }

    /** A bearer token or a session cookie, valid or not. */
    public static boolean mayBe(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return true;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().startsWith(SESSION_COOKIE) && !cookie.getValue().isBlank()) {
                return true;
            }
        }
        return false;
    }
}
