package academy.cedarheights.schools.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Amounts;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.Instrument;
import academy.cedarheights.schools.Instruments;
import academy.cedarheights.schools.Schools;
import academy.cedarheights.schools.Teacher;
import academy.cedarheights.schools.TeacherRequest;
import academy.cedarheights.schools.Teachers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The school's teachers: listed with what they teach and their pay, added, edited (bio, pay, instruments, or made
 * inactive when they leave, which keeps their history) and removed while nothing refers to them.
 */
@WebPage
class AdminTeacherPages {

    private final Teachers teachers;
    private final Instruments instruments;
    private final Schools schools;
    private final Validator validator;

    AdminTeacherPages(Teachers teachers, Instruments instruments, Schools schools, Validator validator) {
        this.teachers = teachers;
        this.instruments = instruments;
        this.schools = schools;
        this.validator = validator;
    }

    @GetMapping("/admin/teachers")
    String list(CurrentSchool school, Model model) {
        return listPage(school, model, FormErrors.none(), Map.of(), List.of());
    }

    @PostMapping("/admin/teachers")
    String add(CurrentSchool school, Caller caller, @RequestParam Map<String, String> form,
               @RequestParam(name = "instrument_ids", required = false) List<UUID> taught, Model model,
               HttpServletResponse response) {
        FormErrors errors = save(school, form, taught, request -> teachers.create(school.id(), caller.email(), request));
        return errors.any()
                ? AdminCataloguePages.refused(response, listPage(school, model, errors, form, listOrNone(taught)))
                : "redirect:/admin/teachers";
    }

    @GetMapping("/admin/teachers/{id}")
    String edit(CurrentSchool school, @PathVariable("id") UUID id, Model model) {
        Teacher teacher = teachers.get(school.id(), id);
        Map<String, String> form = new HashMap<>();
        form.put("name", teacher.name());
        form.put("email", teacher.email());
        form.put("bio", teacher.bio() == null ? "" : teacher.bio());
        form.put("pay_per_lesson", Amounts.typed(teacher.payPerLesson().amount()));
        if (teacher.active()) {
            form.put("active", "on");
        }
        return editPage(school, id, model, FormErrors.none(), form, teacher.instrumentIds());
    }

    @PostMapping("/admin/teachers/{id}")
    String update(CurrentSchool school, Caller caller, @PathVariable("id") UUID id, @RequestParam Map<String, String> form,
                  @RequestParam(name = "instrument_ids", required = false) List<UUID> taught, Model model,
                  HttpServletResponse response) {
        FormErrors errors = save(school, form, taught, request -> teachers.replace(school.id(), caller.email(), id, request));
        return errors.any()
                ? AdminCataloguePages.refused(response, editPage(school, id, model, errors, form, listOrNone(taught)))
                : "redirect:/admin/teachers";
    }

    @PostMapping("/admin/teachers/{id}/delete")
    String remove(CurrentSchool school, Caller caller, @PathVariable("id") UUID id, Model model,
                  HttpServletResponse response) {
        FormErrors errors = AdminCataloguePages.remove(() -> teachers.delete(school.id(), caller.email(), id));
        return errors.any()
                ? AdminCataloguePages.refused(response, listPage(school, model, errors, Map.of(), List.of()))
                : "redirect:/admin/teachers";
    }

    private FormErrors save(CurrentSchool school, Map<String, String> form, List<UUID> taught,
                            Consumer<TeacherRequest> action) {
        Long pay = Amounts.cents(form.get("pay_per_lesson"));
        if (pay == null) {
            return FormErrors.none().add("pay_per_lesson", "must be an amount such as 42.50");
        }
        TeacherRequest request = new TeacherRequest(form.get("name"), form.get("email"), form.get("bio"),
                listOrNone(taught), Money.of(pay, schools.profile(school.id()).currency()), form.containsKey("active"));
        return FormErrors.submit(validator, request, action);
    }

    private String listPage(CurrentSchool school, Model model, FormErrors errors, Map<String, String> form,
                            List<UUID> taught) {
        List<Instrument> all = instruments.list(school.id(), null, AdminCataloguePages.ALL).items();
        Map<UUID, String> names = all.stream().collect(Collectors.toMap(Instrument::id, Instrument::name));
        List<Teacher> listed = teachers.list(school.id(), null, null, AdminCataloguePages.ALL).items();
        model.addAttribute("teachers", listed);
        model.addAttribute("taughtBy", listed.stream().collect(Collectors.toMap(Teacher::id, teacher -> String.join(", ",
                teacher.instrumentIds().stream().map(names::get).toList()))));
        return formModel(model, all, errors, form, taught, "schools/teachers");
    }

    private String editPage(CurrentSchool school, UUID id, Model model, FormErrors errors, Map<String, String> form,
                            List<UUID> taught) {
        model.addAttribute("teacherId", id);
        return formModel(model, instruments.list(school.id(), null, AdminCataloguePages.ALL).items(), errors, form,
                taught, "schools/teacher");
    }

    private static String formModel(Model model, List<Instrument> all, FormErrors errors, Map<String, String> form,
                                    List<UUID> taught, String view) {
        model.addAttribute("instruments", all);
        model.addAttribute("taught", taught);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return view;
    }

    private static List<UUID> listOrNone(List<UUID> taught) {
        return taught == null ? List.of() : taught;
    }
}
