package academy.cedarheights.operations.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.operations.ClosingDays;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.ClosureRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Closing the school for some days, in two steps: the preview says what it will do to the lessons of those days
 * ("cancels 37 lessons of 30 families; 12 make-up credits granted"), and only the confirmation saves it.
 */
@WebPage
class ClosurePages {

    private final ClosingDays closingDays;
    private final Validator validator;

    ClosurePages(ClosingDays closingDays, Validator validator) {
        this.closingDays = closingDays;
        this.validator = validator;
    }

    @PostMapping("/admin/semesters/{id}/closures/preview")
    String preview(CurrentSchool school, Caller caller, @PathVariable("id") UUID semester,
                   @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return run(school, caller, semester, form, true, model, response);
    }

    @PostMapping("/admin/semesters/{id}/closures")
    String close(CurrentSchool school, Caller caller, @PathVariable("id") UUID semester,
                 @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        return run(school, caller, semester, form, false, model, response);
    }

    private String run(CurrentSchool school, Caller caller, UUID semester, Map<String, String> form, boolean preview,
                       Model model, HttpServletResponse response) {
        LocalDate start = FormValues.date(form.get("closure_start"));
        LocalDate end = form.getOrDefault("closure_end", "").isBlank() ? start : FormValues.date(form.get("closure_end"));
        ClosureRequest request = new ClosureRequest(start, end, form.get("reason"));
        ClosingDays.Outcome[] outcome = new ClosingDays.Outcome[1];
        FormErrors errors = FormErrors.submit(validator, request,
                valid -> outcome[0] = closingDays.close(school.id(), caller.email(), semester, valid, preview));
        if (errors.any()) {
            response.setStatus(400);
            model.addAttribute("errors", errors);
            model.addAttribute("semester", semester);
            return "operations/closure";
        }
        if (!preview) {
            return "redirect:/admin/semesters?closed=" + outcome[0].effect().lessons();
        }
        model.addAttribute("errors", errors);
        model.addAttribute("semester", semester);
        model.addAttribute("request", request);
        model.addAttribute("effect", outcome[0].effect());
        return "operations/closure";
    }
}
