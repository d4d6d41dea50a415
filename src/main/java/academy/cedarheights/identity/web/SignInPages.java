package academy.cedarheights.identity.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import academy.cedarheights.identity.SignIn;
import academy.cedarheights.identity.TokenAnswer;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.DependencyUnavailable;
import academy.cedarheights.platform.web.EmailAddresses;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.ReturnTargets;
import academy.cedarheights.platform.web.TooManyRequests;
import academy.cedarheights.platform.web.Unauthenticated;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in, signing up and out with built-in accounts; the backend token goes into the session cookie. */
@WebPage
class SignInPages {

    private final SignIn signIn;

    SignInPages(SignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/sign-in")
    String signInForm(@RequestParam(name = "next", required = false) String next, Model model) {
        model.addAttribute("next", ReturnTargets.safe(next));
        model.addAttribute("supabase", signIn.supabaseSignInEnabled());
        model.addAttribute("errors", FormErrors.none());
        return "identity/sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(CurrentSchool school, @RequestParam(name = "email", defaultValue = "") String email,
                  @RequestParam(name = "password", defaultValue = "") String password,
                  @RequestParam(name = "next", required = false) String next,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            TokenAnswer answer = signIn.login(school, email.trim(), password);
            return signedIn(answer, next, request, response);
        } catch (Unauthenticated | InvalidField | TooManyRequests refused) {
            model.addAttribute("supabase", signIn.supabaseSignInEnabled());
            return refused("identity/sign-in", refused instanceof Unauthenticated
                            ? "That email and password do not match an account of this school." : refused.getMessage(),
                    refused instanceof TooManyRequests ? 429 : 400, next, email, model, response);
        }
    }

    /** With Supabase configured, people whose accounts live in Supabase sign in here with them. */
    @GetMapping("/sign-in/supabase")
    String supabaseForm(@RequestParam(name = "next", required = false) String next, Model model) {
        if (!signIn.supabaseSignInEnabled()) {
            return "redirect:/sign-in";
        }
        model.addAttribute("next", ReturnTargets.safe(next));
        model.addAttribute("errors", FormErrors.none());
        return "identity/sign-in-supabase";
    }

    @PostMapping("/sign-in/supabase")
    String signInWithSupabase(CurrentSchool school, @RequestParam(name = "email", defaultValue = "") String email,
                              @RequestParam(name = "password", defaultValue = "") String password,
                              @RequestParam(name = "next", required = false) String next,
                              HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            return signedIn(signIn.loginWithSupabase(school, email.trim(), password), next, request, response);
        } catch (Unauthenticated | DependencyUnavailable refused) {
            return refused("identity/sign-in-supabase", refused instanceof Unauthenticated
                            ? "That email and password do not match a Supabase account." : refused.getMessage(),
                    refused instanceof Unauthenticated ? 400 : 503, next, email, model, response);
        }
    }

    @GetMapping("/sign-up")
    String signUpForm(@RequestParam(name = "next", required = false) String next, Model model) {
        model.addAttribute("next", ReturnTargets.safe(next));
        model.addAttribute("errors", FormErrors.none());
        return "identity/sign-up";
    }

    @PostMapping("/sign-up")
    String signUp(CurrentSchool school, @RequestParam(name = "name", defaultValue = "") String name,
                  @RequestParam(name = "email", defaultValue = "") String email,
                  @RequestParam(name = "password", defaultValue = "") String password,
                  @RequestParam(name = "next", required = false) String next,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        FormErrors errors = FormErrors.none();
        if (name.isBlank()) {
            errors.add("name", "Please tell us your name.");
        }
        if (EmailAddresses.normalised(email).isEmpty()) {
            errors.add("email", "Please enter an email address like name@example.com.");
        }
        if (!errors.any()) {
            try {
                TokenAnswer answer = signIn.signUpParent(school, email, password, name.trim());
                SessionCookie.write(request, response, answer.backendJwt(), Duration.ofSeconds(answer.expiresIn()));
                String target = ReturnTargets.safe(next);
                return "redirect:/verify-email/sent" + (target == null ? ""
                        : "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
            } catch (InvalidField | ConflictWithCurrentState | TooManyRequests refused) {
                errors = refused instanceof ConflictWithCurrentState
                        ? FormErrors.none().add("email", "An account with this email exists already; please sign in.")
                        : FormErrors.of(refused);
            }
        }
        model.addAttribute("next", ReturnTargets.safe(next));
        model.addAttribute("name", name);
        model.addAttribute("email", email);
        model.addAttribute("errors", errors);
        response.setStatus(400);
        return "identity/sign-up";
    }

    /** Ends the cookie's session on the server too, so a copy of the cookie is worth nothing afterwards. */
    @PostMapping("/sign-out")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        String token = SessionCookie.token(request);
        if (token != null) {
            signIn.signOut(token);
        }
        SessionCookie.clear(request, response);
        return "redirect:/";
    }

    /** The sign-in form again, with what went wrong above it and the email kept. */
    private static String refused(String view, String message, int status, String next, String email, Model model,
                                  HttpServletResponse response) {
        model.addAttribute("next", ReturnTargets.safe(next));
        model.addAttribute("email", email);
        model.addAttribute("errors", FormErrors.none().add("form", message));
        response.setStatus(status);
        return view;
    }

    static String signedIn(TokenAnswer answer, String next, HttpServletRequest request, HttpServletResponse response) {
        SessionCookie.write(request, response, answer.backendJwt(), Duration.ofSeconds(answer.expiresIn()));
        return "redirect:" + ReturnTargets.safeOr(next, "/" + answer.role());
    }
}
