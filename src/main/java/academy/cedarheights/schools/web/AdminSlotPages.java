package academy.cedarheights.schools.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.Rooms;
import academy.cedarheights.schools.Schools;
import academy.cedarheights.schools.Timeslot;
import academy.cedarheights.schools.TimeslotRequest;
import academy.cedarheights.schools.Timeslots;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One weekly slot edited: its day and time (while nobody holds it), its room, whether it is offered. */
@WebPage
class AdminSlotPages {

    private final Timeslots timeslots;
    private final Rooms rooms;
    private final Schools schools;
    private final Validator validator;

    AdminSlotPages(Timeslots timeslots, Rooms rooms, Schools schools, Validator validator) {
        this.timeslots = timeslots;
        this.rooms = rooms;
        this.schools = schools;
        this.validator = validator;
    }

    @GetMapping("/admin/timetable/{slot}/edit")
    String edit(CurrentSchool school, @PathVariable("slot") UUID id, Model model) {
        Timeslot slot = timeslots.get(school.id(), id);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("weekday", String.valueOf(slot.weekday()));
        form.put("start_time", slot.startTime().toString());
        form.put("room_id", slot.roomId() == null ? "" : slot.roomId().toString());
        form.put("active", slot.active() ? "on" : null);
        return page(school, slot, model, FormErrors.none(), form);
    }

    @PostMapping("/admin/timetable/{slot}")
    String save(CurrentSchool school, Caller caller, @PathVariable("slot") UUID id, @RequestParam Map<String, String> form,
                Model model, HttpServletResponse response) {
        Timeslot slot = timeslots.get(school.id(), id);
        LocalTime start = FormValues.time(form.get("start_time"));
        Integer weekday = form.getOrDefault("weekday", "").matches("[1-7]") ? Integer.valueOf(form.get("weekday")) : null;
        int minutes = schools.profile(school.id()).lessonMinutes();
        TimeslotRequest request = new TimeslotRequest(slot.teacherId(), weekday, start,
                start == null ? null : start.plusMinutes(minutes), FormValues.uuid(form.get("room_id")),
                form.containsKey("active"));
        FormErrors errors = FormErrors.submit(validator, request,
                valid -> timeslots.replace(school.id(), caller.email(), id, valid));
        if (errors.any()) {
            response.setStatus(errors.has("form") ? 409 : 400);
            return page(school, slot, model, errors, form);
        }
        return "redirect:/admin/timetable?teacher=" + slot.teacherId();
    }

    private String page(CurrentSchool school, Timeslot slot, Model model, FormErrors errors, Map<String, String> form) {
        Map<Integer, String> weekdays = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekdays.put(day.getValue(), day.getDisplayName(TextStyle.FULL, Locale.CANADA));
        }
        model.addAttribute("slot", slot);
        model.addAttribute("weekdays", weekdays);
        model.addAttribute("rooms", rooms.list(school.id(), true, AdminCataloguePages.ALL).items());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "schools/slot";
    }
}
