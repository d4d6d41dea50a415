package academy.cedarheights.schools.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.Instrument;
import academy.cedarheights.schools.InstrumentRequest;
import academy.cedarheights.schools.Instruments;
import academy.cedarheights.schools.RoomRequest;
import academy.cedarheights.schools.Schools;
import academy.cedarheights.schools.Rooms;
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
 * What a school teaches and with whom: instruments, rooms and teachers, each listed with an add form (errors beside
 * the field) and a remove button (a record still in use stays, with the reason shown). Same services as the API.
 */
@WebPage
class AdminCataloguePages {

    static final PageQuery ALL = new PageQuery(0, 200, null);
    private final Instruments instruments;
    private final Rooms rooms;
    private final Teachers teachers;
    private final Validator validator;
    private final Schools schools;

    AdminCataloguePages(Instruments instruments, Rooms rooms, Teachers teachers, Validator validator, Schools schools) {
        this.schools = schools;
        this.instruments = instruments;
        this.rooms = rooms;
        this.teachers = teachers;
        this.validator = validator;
    }

    @GetMapping("/admin/instruments")
    String instruments(CurrentSchool school, Model model) {
        return instrumentsPage(school, model, FormErrors.none(), Map.of());
    }

    @PostMapping("/admin/instruments")
    String addInstrument(CurrentSchool school, Caller caller, @RequestParam Map<String, String> form, Model model,
                         HttpServletResponse response) {
        FormErrors errors = FormErrors.submit(validator, new InstrumentRequest(form.get("name")),
                request -> instruments.create(school.id(), caller.email(), request));
        return errors.any() ? refused(response, instrumentsPage(school, model, errors, form)) : "redirect:/admin/instruments";
    }

    @PostMapping("/admin/instruments/{id}/delete")
    String removeInstrument(CurrentSchool school, Caller caller, @PathVariable("id") UUID id, Model model,
                            HttpServletResponse response) {
        FormErrors errors = remove(() -> instruments.delete(school.id(), caller.email(), id));
        return errors.any() ? refused(response, instrumentsPage(school, model, errors, Map.of())) : "redirect:/admin/instruments";
    }

    @GetMapping("/admin/rooms")
    String rooms(CurrentSchool school, Model model) {
        return roomsPage(school, model, FormErrors.none(), Map.of());
    }

    @PostMapping("/admin/rooms")
    String addRoom(CurrentSchool school, Caller caller, @RequestParam Map<String, String> form, Model model,
                   HttpServletResponse response) {
        FormErrors errors = FormErrors.submit(validator, new RoomRequest(form.get("name"), true),
                request -> rooms.create(school.id(), caller.email(), request));
        return errors.any() ? refused(response, roomsPage(school, model, errors, form)) : "redirect:/admin/rooms";
    }

    @PostMapping("/admin/rooms/{id}/delete")
    String removeRoom(CurrentSchool school, Caller caller, @PathVariable("id") UUID id, Model model,
                      HttpServletResponse response) {
        FormErrors errors = remove(() -> rooms.delete(school.id(), caller.email(), id));
        return errors.any() ? refused(response, roomsPage(school, model, errors, Map.of())) : "redirect:/admin/rooms";
    }

    @GetMapping("/admin/teachers")
    String teachers(CurrentSchool school, Model model) {
        return teachersPage(school, model, FormErrors.none(), Map.of(), List.of());
    }

    @PostMapping("/admin/teachers")
    String addTeacher(CurrentSchool school, Caller caller, @RequestParam Map<String, String> form,
                      @RequestParam(name = "instrument_ids", required = false) List<UUID> instrumentIds, Model model,
                      HttpServletResponse response) {
        List<UUID> taught = instrumentIds == null ? List.of() : instrumentIds;
        FormErrors errors = FormErrors.none();
        Long pay = Amounts.cents(form.get("pay_per_lesson"));
        if (pay == null) {
            errors.add("pay_per_lesson", "must be an amount such as 42.50");
        } else {
            TeacherRequest request = new TeacherRequest(form.get("name"), form.get("email"), form.get("bio"), taught,
                    Money.of(pay, schools.profile(school.id()).currency()), form.containsKey("active"));
            errors = FormErrors.submit(validator, request, valid -> teachers.create(school.id(), caller.email(), valid));
        }
        return errors.any() ? refused(response, teachersPage(school, model, errors, form, taught)) : "redirect:/admin/teachers";
    }

    @PostMapping("/admin/teachers/{id}/delete")
    String removeTeacher(CurrentSchool school, Caller caller, @PathVariable("id") UUID id, Model model,
                         HttpServletResponse response) {
        FormErrors errors = remove(() -> teachers.delete(school.id(), caller.email(), id));
        return errors.any() ? refused(response, teachersPage(school, model, errors, Map.of(), List.of())) : "redirect:/admin/teachers";
    }

    private String instrumentsPage(CurrentSchool school, Model model, FormErrors errors, Map<String, String> form) {
        model.addAttribute("instruments", instruments.list(school.id(), null, ALL).items());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "schools/instruments";
    }

    private String roomsPage(CurrentSchool school, Model model, FormErrors errors, Map<String, String> form) {
        model.addAttribute("rooms", rooms.list(school.id(), null, ALL).items());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "schools/rooms";
    }

    private String teachersPage(CurrentSchool school, Model model, FormErrors errors, Map<String, String> form,
                                List<UUID> taught) {
        List<Instrument> all = instruments.list(school.id(), null, ALL).items();
        Map<UUID, String> names = all.stream().collect(Collectors.toMap(Instrument::id, Instrument::name));
        List<Teacher> listed = teachers.list(school.id(), null, null, ALL).items();
        model.addAttribute("teachers", listed);
        model.addAttribute("taughtBy", listed.stream().collect(Collectors.toMap(Teacher::id, teacher -> String.join(", ",
                teacher.instrumentIds().stream().map(names::get).toList()))));
        model.addAttribute("instruments", all);
        model.addAttribute("taught", new ArrayList<>(taught));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "schools/teachers";
    }

    private static FormErrors remove(Runnable deletion) {
        try {
            deletion.run();
            return FormErrors.none();
        } catch (ConflictWithCurrentState stillInUse) {
            return FormErrors.none().add("form", stillInUse.getMessage());
        }
    }

    static String refused(HttpServletResponse response, String view) {
        response.setStatus(400);
        return view;
    }
}
