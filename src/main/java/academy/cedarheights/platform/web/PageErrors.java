package academy.cedarheights.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import academy.cedarheights.platform.security.CallerArgumentResolver;
import academy.cedarheights.platform.tenancy.SchoolPathPrefix;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of pages, as a person expects them: a friendly "not found" or "not allowed" page, a sign-in for a
 * visitor who is not signed in, and never a stack trace. Forms show their own field errors beside the field.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ResourceNotFound.class)
    ModelAndView notFound(HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, response);
    }

    @ExceptionHandler(NotAllowed.class)
    ModelAndView notAllowed(HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, response);
    }

    @ExceptionHandler(Unauthenticated.class)
    String signIn(HttpServletRequest request) {
        return "redirect:/sign-in?next=" + URLEncoder.encode(SchoolPathPrefix.pathWithinSchool(request), StandardCharsets.UTF_8);
    }

    /** A link or form that does not fit the page (a malformed id, a missing parameter). */
    @ExceptionHandler({ServletRequestBindingException.class, TypeMismatchException.class, BindException.class,
            HandlerMethodValidationException.class, InvalidField.class, InvalidFields.class})
    ModelAndView badRequest(HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, response);
    }

    /** Too many sign-in attempts from one place, or a service we depend on is down: the reason, and when to retry. */
    @ExceptionHandler({TooManyRequests.class, DependencyUnavailable.class})
    ModelAndView tryLater(RuntimeException e, HttpServletResponse response) {
        ModelAndView page = page(e instanceof TooManyRequests ? HttpStatus.TOO_MANY_REQUESTS
                : HttpStatus.SERVICE_UNAVAILABLE, response);
        if (e instanceof TooManyRequests limited) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, limited.retryAfter().toSeconds())));
        }
        page.addObject("detail", e.getMessage());
        return page;
    }

    @ExceptionHandler(ConflictWithCurrentState.class)
    ModelAndView conflict(ConflictWithCurrentState e, HttpServletResponse response) {
        ModelAndView page = page(HttpStatus.CONFLICT, response);
        page.addObject("detail", e.getMessage());
        return page;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        log.error("Unexpected failure of a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, response);
    }

    static ModelAndView page(HttpStatus status, HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("viewer", CallerArgumentResolver.current().orElse(null));
        return page;
    }
}
