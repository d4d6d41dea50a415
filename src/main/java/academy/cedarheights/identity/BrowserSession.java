package academy.cedarheights.identity;

import academy.cedarheights.identity.web.SessionCookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The session a browser carries, for pages of other modules that end it (an erased family's last page). */
public final class BrowserSession {

    private BrowserSession() {
    }

    /** The browser forgets its session cookie with this response. */
    public static void forget(HttpServletRequest request, HttpServletResponse response) {
        SessionCookie.clear(request, response);
    }
}
