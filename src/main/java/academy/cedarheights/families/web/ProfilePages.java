package academy.cedarheights.families.web;

import java.util.Map;

import academy.cedarheights.families.Consent;
import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.families.Payee;
import academy.cedarheights.families.ProfileRequest;
import academy.cedarheights.families.ReminderPreferences;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.security.EmailNotVerified;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.ReturnTargets;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The parent's own details, reminder preferences, and the download of everything held about the family. */
@WebPage
class ProfilePages {

    private final FamilyProfile families;
    private final Validator validator;

    ProfilePages(FamilyProfile families, Validator validator) {
        this.families = families;
        this.validator = validator;
    }

    /** Also where a parent new to the school (signed in through Supabase) creates their profile. */
    @GetMapping("/parent/profile")
    String profile(CurrentSchool school, Caller caller, @RequestParam(name = "next", required = false) String next,
                   Model model) {
        model.addAttribute("next", ReturnTargets.safe(next));
        if (!families.hasProfile(school.id(), caller)) {
            return page(school, caller, model, FormErrors.none(), "", "", false);
        }
        Payee payee = families.profile(school.id(), caller);
        return page(school, caller, model, FormErrors.none(), payee.name(), payee.phone(), false);
    }

    @PostMapping("/parent/profile")
    String save(CurrentSchool school, Caller caller, @RequestParam(name = "name", defaultValue = "") String name,
                @RequestParam(name = "phone", defaultValue = "") String phone,
                @RequestParam(name = "next", required = false) String next, Model model, HttpServletResponse response) {
        ProfileRequest request = new ProfileRequest(name, phone.isBlank() ? null : phone.trim());
        FormErrors errors = FormErrors.of(validator, request);
        model.addAttribute("next", next);
        if (errors.any()) {
            response.setStatus(400);
            return page(school, caller, model, errors, name, phone, false);
        }
        try {
            families.save(school.id(), caller, request);
        } catch (EmailNotVerified claimingTheSchoolsRecord) {
            return "redirect:/verify-email/sent";
        }
        if (ReturnTargets.safe(next) != null) {
            return "redirect:" + ReturnTargets.safe(next);
        }
        return page(school, caller, model, errors, name, phone, true);
    }

    @PostMapping("/parent/preferences")
    String preferences(CurrentSchool school, Caller caller,
                       @RequestParam(name = "lesson_reminder_emails", required = false) String emails,
                       @RequestParam(name = "lesson_reminder_texts", required = false) String texts) {
        families.choose(school.id(), caller, new ReminderPreferences(emails != null, texts != null),
                Consent.How.PAGE);
        return "redirect:/parent/profile?saved";
    }

    /** Everything held about the family, as a JSON file (the same document as {@code GET /api/v1/parent/export}). */
    @GetMapping(path = "/parent/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> export(CurrentSchool school, Caller caller) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cedar-heights-family-data.json\"")
                .body(families.export(school.id(), caller));
    }

    private String page(CurrentSchool school, Caller caller, Model model, FormErrors errors, String name, String phone,
                        boolean saved) {
        model.addAttribute("email", caller.email());
        model.addAttribute("name", name);
        model.addAttribute("phone", phone);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        boolean exists = families.hasProfile(school.id(), caller);
        model.addAttribute("exists", exists);
        model.addAttribute("preferences", exists ? families.preferences(school.id(), caller) : null);
        return "families/profile";
    }
}
