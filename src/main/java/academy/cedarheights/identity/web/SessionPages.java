package academy.cedarheights.identity.web;

import academy.cedarheights.identity.SignIn;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** "Signed in on other devices? Sign out everywhere", for parents, teachers and admins alike. */
@WebPage
class SessionPages {

    private final SignIn signIn;

    SessionPages(SignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping("/account/sessions")
    String sessions(Caller caller) {
        return "identity/sessions";
    }

    /** Every session ends, this one too: a lost phone or a shared computer keeps nothing that still works. */
    @PostMapping("/account/sessions/end-everywhere")
    String signOutEverywhere(CurrentSchool school, Caller caller, HttpServletRequest request,
                             HttpServletResponse response) {
        signIn.signOutEverywhere(school, caller);
        SessionCookie.clear(request, response);
        return "redirect:/sign-in?signed-out-everywhere";
    }
}
