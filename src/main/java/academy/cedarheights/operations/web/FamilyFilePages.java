package academy.cedarheights.operations.web;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import academy.cedarheights.families.Consent;
import academy.cedarheights.families.Payee;
import academy.cedarheights.families.PayeeRequest;
import academy.cedarheights.families.Payees;
import academy.cedarheights.families.PortalInvitations;
import academy.cedarheights.families.Student;
import academy.cedarheights.families.StudentRequest;
import academy.cedarheights.families.Students;
import academy.cedarheights.operations.FamilyFile;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.Catalogue;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A family's page in the console: the parent's details and notes, the children with their lessons, make-ups, the
 * account and the emails sent — and where the school edits the family, adds a child or removes one.
 */
@WebPage
class FamilyFilePages {

    private static final Map<String, String> CHILD_FIELDS = Map.of("name", "name", "birth_date", "birth date",
            "instrument_id", "instrument");

    private final FamilyFile files;
    private final Payees payees;
    private final Students students;
    private final Catalogue catalogue;
    private final Validator validator;
    private final PortalInvitations invitations;

    FamilyFilePages(FamilyFile files, Payees payees, Students students, Catalogue catalogue, Validator validator,
                    PortalInvitations invitations) {
        this.invitations = invitations;
        this.files = files;
        this.payees = payees;
        this.students = students;
        this.catalogue = catalogue;
        this.validator = validator;
    }

    @GetMapping("/admin/families/{id}")
    String open(CurrentSchool school, Caller caller, @PathVariable("id") UUID id, Model model) {
        return page(school, caller, id, model, FormErrors.none(), Map.of(), FormErrors.none(), Map.of());
    }

    @PostMapping("/admin/families/{id}")
    String edit(CurrentSchool school, Caller caller, @PathVariable("id") UUID id, @RequestParam Map<String, String> form,
                Model model, HttpServletResponse response) {
        PayeeRequest request = new PayeeRequest(form.getOrDefault("name", ""), form.getOrDefault("email", ""),
                FormValues.text(form.get("phone")), form.getOrDefault("status", ""), form.get("notes"));
        FormErrors errors = FormErrors.submit(validator, request, valid -> payees.replace(school.id(), caller.email(), id, valid));
        if (errors.any()) {
            response.setStatus(400);
            return page(school, caller, id, model, errors, form, FormErrors.none(), Map.of());
        }
        return "redirect:/admin/families/" + id + "?saved";
    }

    @PostMapping("/admin/families/{id}/invite")
    String invite(CurrentSchool school, Caller caller, @PathVariable("id") UUID id) {
        invitations.invite(school.id(), caller.email(), id);
        return "redirect:/admin/families/" + id + "?invited";
    }

    @PostMapping("/admin/families/{id}/children")
    String addChild(CurrentSchool school, Caller caller, @PathVariable("id") UUID id,
                    @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        payees.get(school.id(), id);
        StudentRequest request = new StudentRequest(id, form.getOrDefault("child_name", ""),
                FormValues.date(form.get("birth_date")), FormValues.uuid(form.get("instrument_id")), null,
                form.containsKey("consent_policy_accepted"));
        FormErrors errors = FormErrors.submit(validator, request, valid -> students.create(school.id(), caller.email(), valid,
                Consent.How.PAGE));
        if (errors.any()) {
            response.setStatus(400);
            return page(school, caller, id, model, FormErrors.none(), Map.of(), errors, form);
        }
        return "redirect:/admin/families/" + id + "?child_added";
    }

    @PostMapping("/admin/families/{id}/children/{child}")
    String editChild(CurrentSchool school, Caller caller, @PathVariable("id") UUID id, @PathVariable("child") UUID child,
                     @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        Student known = childOf(school, id, child);
        StudentRequest request = new StudentRequest(id, form.getOrDefault("child_name", ""),
                FormValues.date(form.get("birth_date")), FormValues.uuid(form.get("instrument_id")),
                known.teacherPrefId(), true);
        FormErrors errors = FormErrors.submit(validator, request,
                valid -> students.replace(school.id(), caller.email(), child, valid));
        if (errors.any()) {
            response.setStatus(400);
            model.addAttribute("problem", known.name() + ": " + errors.all().entrySet().stream()
                    .map(error -> CHILD_FIELDS.getOrDefault(error.getKey(), error.getKey()) + " " + error.getValue())
                    .sorted().collect(Collectors.joining("; ")) + ".");
            return page(school, caller, id, model, FormErrors.none(), Map.of(), FormErrors.none(), Map.of());
        }
        return "redirect:/admin/families/" + id + "?child_saved";
    }

    @PostMapping("/admin/families/{id}/children/{child}/remove")
    String removeChild(CurrentSchool school, Caller caller, @PathVariable("id") UUID id,
                       @PathVariable("child") UUID child, Model model, HttpServletResponse response) {
        childOf(school, id, child);
        try {
            students.delete(school.id(), caller.email(), child);
        } catch (ConflictWithCurrentState enrolled) {
            response.setStatus(409);
            model.addAttribute("problem", enrolled.getMessage());
            return page(school, caller, id, model, FormErrors.none(), Map.of(), FormErrors.none(), Map.of());
        }
        return "redirect:/admin/families/" + id + "?child_removed";
    }

    /** A child of this family; another family's (or another school's) answers 404 like an absent one. */
    private Student childOf(CurrentSchool school, UUID family, UUID child) {
        Student student = students.get(school.id(), child);
        if (!student.payeeId().equals(family)) {
            throw new NoSuchRecord("student", child);
        }
        return student;
    }

    private String page(CurrentSchool school, Caller caller, UUID id, Model model, FormErrors familyErrors,
                        Map<String, String> familyForm, FormErrors childErrors, Map<String, String> childForm) {
        FamilyFile.Family family = files.open(school.id(), caller.email(), id);
        Payee payee = family.payee();
        model.addAttribute("family", family);
        model.addAttribute("familyErrors", familyErrors);
        model.addAttribute("familyForm", familyForm.isEmpty() ? Map.of("name", payee.name(), "email", payee.email(),
                "phone", payee.phone() == null ? "" : payee.phone(), "status", payee.status(), "notes", payee.notes())
                : familyForm);
        model.addAttribute("childErrors", childErrors);
        model.addAttribute("childForm", childForm);
        model.addAttribute("instruments", catalogue.instruments(school.id()));
        model.addAttribute("zone", school.timeZone());
        return "operations/family";
    }
}
