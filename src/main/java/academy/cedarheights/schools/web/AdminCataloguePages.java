package academy.cedarheights.schools.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;


import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.InstrumentRequest;
import academy.cedarheights.schools.Instruments;
import academy.cedarheights.schools.RoomRequest;
import academy.cedarheights.schools.Rooms;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where and what a school teaches: instruments and rooms, each listed with an add form (errors beside the field) and
 * a remove button (a record still in use stays, with the reason shown). Same services as the API.
 */
@WebPage
class AdminCataloguePages {

    static final PageQuery ALL = new PageQuery(0, 200, null);
    private final Instruments instruments;
    private final Rooms rooms;
    private final Validator validator;

    AdminCataloguePages(Instruments instruments, Rooms rooms, Validator validator) {
        this.instruments = instruments;
        this.rooms = rooms;
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

    private String instrumentsPage(CurrentSchool school, Model model, FormErrors errors, Map<String, String> form) {
        return namedRecords(model, "Instruments", "an", "instrument", "/admin/instruments",
                instruments.list(school.id(), null, ALL).items(), errors, form);
    }

    private String roomsPage(CurrentSchool school, Model model, FormErrors errors, Map<String, String> form) {
        return namedRecords(model, "Rooms", "a", "room", "/admin/rooms", rooms.list(school.id(), null, ALL).items(),
                errors, form);
    }

    /** Instruments and rooms are both known by a name alone: one page lists and adds either. */
    private static String namedRecords(Model model, String heading, String article, String singular, String path,
                                       List<?> records, FormErrors errors, Map<String, String> form) {
        model.addAttribute("heading", heading);
        model.addAttribute("article", article);
        model.addAttribute("singular", singular);
        model.addAttribute("path", path);
        model.addAttribute("records", records);
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "schools/named-records";
    }

    static FormErrors remove(Runnable deletion) {
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
