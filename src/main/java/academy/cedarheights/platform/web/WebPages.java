package academy.cedarheights.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Tells a person's browser asking for a page from a program calling the API. */
public final class WebPages {

    /** A request attribute whose text the error page shows, for refusals made before any controller ran. */
    public static final String ERROR_DETAIL = WebPages.class.getName() + ".error-detail";

    private WebPages() {
    }

    public static boolean isPageRequest(HttpServletRequest request) {
        String path = request.getRequestURI();
        String accept = request.getHeader("Accept");
        return !path.startsWith("/api/") && accept != null && accept.contains("text/html");
    }
}
