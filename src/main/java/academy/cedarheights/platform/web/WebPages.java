package academy.cedarheights.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Tells a person's browser asking for a page from a program calling the API. */
public final class WebPages {

    private WebPages() {
    }

    public static boolean isPageRequest(HttpServletRequest request) {
        String path = request.getRequestURI();
        String accept = request.getHeader("Accept");
        return !path.startsWith("/api/") && accept != null && accept.contains("text/html");
    }
}
