package academy.cedarheights.identity.web;

import academy.cedarheights.identity.PasswordResets;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": ask for a link by email, then choose a new password through it. */
@WebPage
class PasswordResetPages {

    private final PasswordResets resets;

    PasswordResetPages(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/forgot-password")
    String ask(Model model) {
        model.addAttribute("sent", false);
        return "identity/forgot-password";
    }

    /** The same answer whether or not the email has an account, so the form cannot be used to find accounts. */
    @PostMapping("/forgot-password")
    String send(CurrentSchool school, @RequestParam(name = "email", defaultValue = "") String email, Model model) {
        if (!email.isBlank()) {
            resets.request(school, email);
        }
        model.addAttribute("sent", true);
        return "identity/forgot-password";
    }

    @GetMapping("/reset-password")
    String choose(@RequestParam(name = "token", defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("errors", FormErrors.none());
        return "identity/reset-password";
    }

    @PostMapping("/reset-password")
    String reset(CurrentSchool school, @RequestParam(name = "token", defaultValue = "") String token,
                 @RequestParam(name = "password", defaultValue = "") String password, Model model,
                 HttpServletResponse response) {
        try {
            resets.reset(school, token, password);
            return "redirect:/sign-in?reset";
        } catch (InvalidField refused) {
            response.setStatus(400);
            model.addAttribute("token", token);
            model.addAttribute("errors", FormErrors.of(refused));
            return "identity/reset-password";
        }
    }
}
