package academy.cedarheights.identity.web;

import java.util.Map;

import academy.cedarheights.identity.SignIn;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.NoSuchPage;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Start a school": a new school with its first admin, on deployments that let strangers create schools
 * ({@code APP_SCHOOL_SIGNUP}); elsewhere the page does not exist. The answer is the new school's own address, where
 * its admin signs in — a school's session lives at its address, not at the one it was created from.
 */
@WebPage
class StartASchoolPages {

    private final SignIn signIn;

    StartASchoolPages(SignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/start-a-school")
    String form(Model model) {
        requireOpen();
        return page(model, FormErrors.none(), Map.of("time_zone", "America/Toronto", "currency", "CAD"));
    }

    @PostMapping("/start-a-school")
    String start(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        requireOpen();
        if (form.getOrDefault("school_name", "").isBlank()) {
            response.setStatus(400);
            return page(model, FormErrors.none().add("school_name", "Please give the school's name."), form);
        }
        try {
            SignIn.SchoolSignUpAnswer started = signIn.signUpSchool(form.getOrDefault("school_name", "").strip(),
                    form.getOrDefault("slug", ""), form.getOrDefault("time_zone", ""), form.getOrDefault("currency", ""),
                    form.getOrDefault("admin_email", ""), form.getOrDefault("admin_password", ""));
            model.addAttribute("address", started.baseUrl());
            model.addAttribute("name", form.get("school_name").strip());
            return "identity/school-started";
        } catch (InvalidField refused) {
            response.setStatus(400);
            return page(model, FormErrors.of(refused), form);
        }
    }

    private void requireOpen() {
        if (!signIn.schoolSignUpOpen()) {
            throw new NoSuchPage();
        }
    }

    private static String page(Model model, FormErrors errors, Map<String, String> form) {
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "identity/start-a-school";
    }
}
