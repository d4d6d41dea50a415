package academy.cedarheights.operations.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.operations.Incident;
import academy.cedarheights.operations.IncidentRequest;
import academy.cedarheights.operations.Incidents;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The privacy incident register in the console: the entries, one recorded, one completed. */
@WebPage
class IncidentPages {

    private final Incidents incidents;
    private final Validator validator;

    IncidentPages(Incidents incidents, Validator validator) {
        this.incidents = incidents;
        this.validator = validator;
    }

    @GetMapping("/admin/incidents")
    String register(CurrentSchool school, Model model) {
        return page(school, model, null, FormErrors.none(), Map.of());
    }

    @GetMapping("/admin/incidents/{id}")
    String incident(CurrentSchool school, @PathVariable("id") UUID id, Model model) {
        Incident incident = incidents.get(school.id(), id);
        return page(school, model, incident, FormErrors.none(), form(incident));
    }

    @PostMapping({"/admin/incidents", "/admin/incidents/{id}"})
    String save(CurrentSchool school, Caller caller, @PathVariable(name = "id", required = false) UUID id,
                @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Incident existing = id == null ? null : incidents.get(school.id(), id);
        IncidentRequest request = new IncidentRequest(form.getOrDefault("what_happened", ""),
                FormValues.date(form.get("happened_on")), FormValues.date(form.get("found_on")),
                form.getOrDefault("data_affected", ""), FormValues.number(form.get("families_affected")),
                form.containsKey("significant_harm"), form.getOrDefault("notifications_made", ""));
        FormErrors errors = FormErrors.submit(validator, request, valid -> {
            if (existing == null) {
                incidents.record(school.id(), caller.email(), valid);
            } else {
                incidents.complete(school.id(), caller.email(), existing.id(), valid);
            }
        });
        if (errors.any()) {
            response.setStatus(400);
            return page(school, model, existing, errors, form);
        }
        return "redirect:/admin/incidents?saved";
    }

    private String page(CurrentSchool school, Model model, Incident editing, FormErrors errors, Map<String, String> form) {
        model.addAttribute("incidents", incidents.list(school.id()));
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "operations/incidents";
    }

    private static Map<String, String> form(Incident incident) {
        Map<String, String> form = new HashMap<>();
        form.put("what_happened", incident.whatHappened());
        form.put("happened_on", incident.happenedOn() == null ? "" : incident.happenedOn().toString());
        form.put("found_on", incident.foundOn().toString());
        form.put("data_affected", incident.dataAffected());
        form.put("families_affected", Integer.toString(incident.familiesAffected()));
        if (incident.significantHarm()) {
            form.put("significant_harm", "on");
        }
        form.put("notifications_made", incident.notificationsMade());
        return form;
    }
}
