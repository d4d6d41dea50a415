package academy.cedarheights.identity.web;

import java.util.Optional;

import academy.cedarheights.identity.SignIn;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.security.CallerArgumentResolver;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.ReturnTargets;
import academy.cedarheights.platform.web.TooManyRequests;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Proving an address from the pages: after sign-up, where the link went (and, on a server without a mail provider,
 * where the local outbox shows it) with a button to send it again; the emailed link opens a page whose button proves
 * the address — a button, not the visit, so that a mail scanner fetching the link spends nothing.
 */
@WebPage
class EmailVerificationPages {

    private final SignIn signIn;
    private final Notifications notifications;

    EmailVerificationPages(SignIn signIn, Notifications notifications) {
        this.signIn = signIn;
        this.notifications = notifications;
    }

    @GetMapping("/verify-email/sent")
    String sent(@RequestParam(name = "next", required = false) String next, Model model) {
        Optional<Caller> caller = CallerArgumentResolver.current();
        if (caller.isEmpty()) {
            return "redirect:/sign-in";
        }
        if (caller.get().emailVerified()) {
            return "redirect:" + ReturnTargets.safeOr(next, "/" + caller.get().role().claim());
        }
        return sentPage(caller.get(), next, null, model);
    }

    @PostMapping("/verify-email/resend")
    String resend(CurrentSchool school, @RequestParam(name = "next", required = false) String next, Model model,
                  HttpServletResponse response) {
        Optional<Caller> caller = CallerArgumentResolver.current();
        if (caller.isEmpty()) {
            return "redirect:/sign-in";
        }
        try {
            signIn.resendVerification(school, caller.get());
            return sentPage(caller.get(), next, "We sent the link again.", model);
        } catch (TooManyRequests wait) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.retryAfter().toSeconds())));
            return sentPage(caller.get(), next, wait.getMessage(), model);
        }
    }

    @GetMapping("/verify-email")
    String confirm(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("refused", null);
        return "identity/verify-email";
    }

    @PostMapping("/verify-email")
    String verify(CurrentSchool school, @RequestParam(name = "token", defaultValue = "") String token,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            return SignInPages.signedIn(signIn.verifyEmail(school, token), null, request, response);
        } catch (InvalidField refused) {
            response.setStatus(400);
            model.addAttribute("token", token);
            model.addAttribute("refused", "This link has expired or was already used. Sign in and ask for a new one.");
            return "identity/verify-email";
        }
    }

    private String sentPage(Caller caller, String next, String notice, Model model) {
        model.addAttribute("email", caller.email());
        model.addAttribute("next", ReturnTargets.safe(next));
        model.addAttribute("notice", notice);
        model.addAttribute("localOutbox", notifications.deliveredToLocalOutbox());
        return "identity/verify-email-sent";
    }
}
