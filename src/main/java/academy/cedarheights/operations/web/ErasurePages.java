package academy.cedarheights.operations.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.families.Payee;
import academy.cedarheights.families.Payees;
import academy.cedarheights.identity.BrowserSession;
import academy.cedarheights.operations.Erasure;
import academy.cedarheights.operations.Erasure.Erased;
import academy.cedarheights.operations.Erasure.Requested;
import academy.cedarheights.platform.privacy.PrivacyProperties;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Erasure as people ask for it: the parent's page that says what goes and what the school must keep before they
 * confirm, and the admin's same page, reached from the family's file, for a family that asked by email, by phone or
 * at the desk. Nothing is erased without the box ticked that says it cannot be undone.
 */
@WebPage
class ErasurePages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.CANADA);
    private final Erasure erasure;
    private final FamilyProfile families;
    private final Payees payees;
    private final PrivacyProperties privacy;

    ErasurePages(Erasure erasure, FamilyProfile families, Payees payees, PrivacyProperties privacy) {
        this.erasure = erasure;
        this.families = families;
        this.payees = payees;
        this.privacy = privacy;
    }

    @GetMapping("/parent/erasure")
    String confirmMine(CurrentSchool school, Caller caller, Model model) {
        return confirm(model, families.payee(school.id(), caller), "/parent/erasure", "/parent/profile", false);
    }

    @PostMapping("/parent/erasure")
    String eraseMine(CurrentSchool school, Caller caller, @RequestParam(name = "understood", required = false) String understood,
                     Model model, HttpServletRequest request, HttpServletResponse response) {
        Payee payee = families.payee(school.id(), caller);
        if (understood == null) {
            response.setStatus(400);
            model.addAttribute("unconfirmed", true);
            return confirm(model, payee, "/parent/erasure", "/parent/profile", false);
        }
        Erased erased = erasure.erase(school.id(), payee.id(), Requested.BY_THE_FAMILY, null);
        // the session ended everywhere with the account: the browser forgets it too
        BrowserSession.forget(request, response);
        model.addAttribute("erased", erased);
        model.addAttribute("keptUntil", DAY.format(erased.financialRecordsKeptUntil()));
        return "operations/erased";
    }

    /** On the family's request, or ({@code ?inactive}) because it has been inactive for years. */
    @GetMapping("/admin/families/{id}/erasure")
    String confirmOnRequest(CurrentSchool school, @PathVariable("id") UUID id,
                            @RequestParam(name = "inactive", required = false) String inactive, Model model) {
        model.addAttribute("inactive", inactive != null);
        model.addAttribute("inactiveYears", privacy.inactiveFamilyYears());
        return confirm(model, payees.get(school.id(), id), "/admin/families/" + id + "/erasure", "/admin/families/" + id,
                true);
    }

    @PostMapping("/admin/families/{id}/erasure")
    String eraseOnRequest(CurrentSchool school, Caller caller, @PathVariable("id") UUID id,
                          @RequestParam(name = "understood", required = false) String understood,
                          @RequestParam(name = "inactive", required = false) String inactive, Model model,
                          HttpServletResponse response) {
        if (understood == null) {
            response.setStatus(400);
            model.addAttribute("unconfirmed", true);
            return confirmOnRequest(school, id, inactive, model);
        }
        erasure.erase(school.id(), id, inactive != null ? Requested.FOR_INACTIVITY : Requested.BY_THE_SCHOOL,
                caller.email());
        return "redirect:/admin/families/" + id + "?erased";
    }

    private String confirm(Model model, Payee payee, String action, String back, boolean forTheSchool) {
        model.addAttribute("payee", payee);
        model.addAttribute("action", action);
        model.addAttribute("back", back);
        model.addAttribute("forTheSchool", forTheSchool);
        model.addAttribute("years", privacy.financialRetentionYears());
        return "operations/erasure";
    }
}
