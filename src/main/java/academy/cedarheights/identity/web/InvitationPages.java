package academy.cedarheights.identity.web;

import java.util.UUID;

import academy.cedarheights.identity.Invitations;
import academy.cedarheights.identity.SignIn;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's invitations, and the page an invitee opens from the email to choose a password. */
@WebPage
class InvitationPages {

    private final Invitations invitations;
    private final SignIn signIn;

    InvitationPages(Invitations invitations, SignIn signIn) {
        this.invitations = invitations;
        this.signIn = signIn;
    }

    @GetMapping("/admin/invitations")
    String list(CurrentSchool school, @RequestParam(name = "email", required = false) String email,
                @RequestParam(name = "role", required = false) String role, Model model) {
        return page(school, model, FormErrors.none(), email, role, null);
    }

    @PostMapping("/admin/invitations")
    String invite(CurrentSchool school, Caller caller, @RequestParam(name = "email", defaultValue = "") String email,
                  @RequestParam(name = "role", defaultValue = "") String role, Model model,
                  HttpServletResponse response) {
        try {
            invitations.invite(school, caller.email(), email, role);
            return page(school, model, FormErrors.none(), null, null, "Invitation sent to " + email.strip() + ".");
        } catch (InvalidField refused) {
            response.setStatus(400);
            return page(school, model, FormErrors.of(refused), email, role, null);
        }
    }

    @PostMapping("/admin/invitations/{id}/revoke")
    String revoke(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        invitations.revoke(school.id(), caller.email(), id);
        return "redirect:/admin/invitations";
    }

    @GetMapping("/accept-invitation")
    String acceptForm(CurrentSchool school, @RequestParam(name = "token", defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("invitation", invitations.open(school.id(), token).orElse(null));
        model.addAttribute("errors", FormErrors.none());
        return "identity/accept-invitation";
    }

    @PostMapping("/accept-invitation")
    String accept(CurrentSchool school, @RequestParam(name = "token", defaultValue = "") String token,
                  @RequestParam(name = "password", defaultValue = "") String password, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        try {
            return SignInPages.signedIn(signIn.acceptInvitation(school, token, password), null, request, response);
        } catch (InvalidField refused) {
            response.setStatus(400);
            model.addAttribute("token", token);
            model.addAttribute("invitation", invitations.open(school.id(), token).orElse(null));
            model.addAttribute("errors", FormErrors.of(refused));
            return "identity/accept-invitation";
        }
    }

    private String page(CurrentSchool school, Model model, FormErrors errors, String email, String role, String notice) {
        model.addAttribute("invitations", invitations.list(school.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("email", email);
        model.addAttribute("role", role == null ? "teacher" : role);
        model.addAttribute("notice", notice);
        model.addAttribute("zone", school.timeZone());
        return "identity/invitations";
    }
}
