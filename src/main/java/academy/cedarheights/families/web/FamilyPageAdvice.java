package academy.cedarheights.families.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import academy.cedarheights.families.NoProfileYet;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A parent who signed in through Supabase has no family profile until they give their name: any family page sends
 * them to the profile form first, and back to where they were going afterwards.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FamilyPageAdvice {

    @ExceptionHandler(NoProfileYet.class)
    String createProfileFirst(HttpServletRequest request) {
        return "redirect:/parent/profile?next=" + URLEncoder.encode(request.getRequestURI(), StandardCharsets.UTF_8);
    }
}
