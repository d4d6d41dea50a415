package academy.cedarheights.identity;

import java.io.IOException;

import academy.cedarheights.platform.web.WebPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A page refused by the security chain gets the friendly 403 page; a form whose CSRF token is missing or stale
 * (most often: it was opened before signing in again) says so, rather than "not for your account".
 */
final class PageAccessDenied {

    private PageAccessDenied() {
    }

    static void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (denied instanceof CsrfException) {
            request.setAttribute(WebPages.ERROR_DETAIL,
                    "This form has expired. Please go back, reload the page and send it again.");
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
