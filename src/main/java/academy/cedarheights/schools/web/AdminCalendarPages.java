package academy.cedarheights.schools.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.Closure;
import academy.cedarheights.schools.Semester;
import academy.cedarheights.schools.SemesterRequest;
import academy.cedarheights.schools.Semesters;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The school year: semesters (never overlapping) and their closures (holidays without lessons). */
@WebPage
class AdminCalendarPages {

    private final Semesters semesters;
    private final Validator validator;

    AdminCalendarPages(Semesters semesters, Validator validator) {
        this.semesters = semesters;
        this.validator = validator;
    }

    @GetMapping("/admin/semesters")
    String list(CurrentSchool school, Model model) {
        return page(school, model, FormErrors.none(), Map.of());
    }

    @PostMapping("/admin/semesters")
    String add(CurrentSchool school, Caller caller, @RequestParam Map<String, String> form, Model model,
               HttpServletResponse response) {
        SemesterRequest request = new SemesterRequest(form.get("name"), FormValues.date(form.get("start_date")),
                FormValues.date(form.get("end_date")));
        FormErrors errors = FormErrors.submit(validator, request, valid -> semesters.create(school.id(), caller.email(), valid));
        return errors.any() ? AdminCataloguePages.refused(response, page(school, model, errors, form)) : "redirect:/admin/semesters";
    }

    @PostMapping("/admin/semesters/{id}")
    String edit(CurrentSchool school, Caller caller, @PathVariable("id") UUID semester,
                @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        SemesterRequest request = new SemesterRequest(form.get("name"), FormValues.date(form.get("start_date")),
                FormValues.date(form.get("end_date")));
        FormErrors errors = FormErrors.submit(validator, request,
                valid -> semesters.replace(school.id(), caller.email(), semester, valid));
        return errors.any() ? AdminCataloguePages.refused(response, page(school, model, errors, form))
                : "redirect:/admin/semesters?saved";
    }

    @PostMapping("/admin/semesters/{id}/delete")
    String delete(CurrentSchool school, Caller caller, @PathVariable("id") UUID semester, Model model,
                  HttpServletResponse response) {
        try {
            semesters.delete(school.id(), caller.email(), semester);
        } catch (ConflictWithCurrentState inUse) {
            FormErrors errors = FormErrors.none();
            errors.add("form", inUse.getMessage());
            response.setStatus(409);
            return page(school, model, errors, Map.of());
        }
        return "redirect:/admin/semesters";
    }

    @PostMapping("/admin/semesters/{id}/closures/{closure}/delete")
    String reopen(CurrentSchool school, Caller caller, @PathVariable("id") UUID semester,
                  @PathVariable("closure") UUID closure) {
        semesters.removeClosure(school.id(), caller.email(), semester, closure);
        return "redirect:/admin/semesters";
    }

    private String page(CurrentSchool school, Model model, FormErrors errors, Map<String, String> form) {
        Map<Semester, List<Closure>> year = new LinkedHashMap<>();
        semesters.list(school.id(), AdminCataloguePages.ALL).items()
                .forEach(semester -> year.put(semester, semesters.closures(school.id(), semester.id())));
        model.addAttribute("year", year);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "schools/semesters";
    }
}
