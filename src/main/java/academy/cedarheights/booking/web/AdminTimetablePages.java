package academy.cedarheights.booking.web;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import academy.cedarheights.booking.Enrollment;
import academy.cedarheights.booking.EnrollmentStatus;
import academy.cedarheights.booking.SchoolEnrollments;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.Catalogue;
import academy.cedarheights.schools.Rooms;
import academy.cedarheights.schools.Schools;
import academy.cedarheights.schools.TeacherProfile;
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

/** A teacher's week: their slots day by day with who holds each, adding a slot and removing a free one. */
@WebPage
class AdminTimetablePages {

    static final PageQuery ALL = new PageQuery(0, 200, null);
    private final Timeslots timeslots;
    private final SchoolEnrollments enrollments;
    private final Catalogue catalogue;
    private final Schools schools;
    private final Validator validator;
    private final Rooms rooms;

    AdminTimetablePages(Timeslots timeslots, SchoolEnrollments enrollments, Catalogue catalogue, Schools schools,
                        Validator validator, Rooms rooms) {
        this.rooms = rooms;
        this.timeslots = timeslots;
        this.enrollments = enrollments;
        this.catalogue = catalogue;
        this.schools = schools;
        this.validator = validator;
    }

    @GetMapping("/admin/timetable")
    String week(CurrentSchool school, @RequestParam(name = "teacher", required = false) UUID teacher, Model model) {
        return page(school, teacher, model, FormErrors.none(), Map.of());
    }

    @PostMapping("/admin/timetable")
    String addSlot(CurrentSchool school, Caller caller, @RequestParam("teacher_id") UUID teacher,
                   @RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        LocalTime start = FormValues.time(form.get("start_time"));
        int minutes = schools.profile(school.id()).lessonMinutes();
        Integer weekday = form.getOrDefault("weekday", "").matches("[1-7]") ? Integer.valueOf(form.get("weekday")) : null;
        TimeslotRequest request = new TimeslotRequest(teacher, weekday, start, start == null ? null : start.plusMinutes(minutes),
                FormValues.uuid(form.get("room_id")), true);
        FormErrors errors = FormErrors.submit(validator, request, valid -> timeslots.create(school.id(), caller.email(), valid));
        if (errors.any()) {
            response.setStatus(400);
            return page(school, teacher, model, errors, form);
        }
        return "redirect:/admin/timetable?teacher=" + teacher;
    }

    @PostMapping("/admin/timetable/{slot}/delete")
    String removeSlot(CurrentSchool school, Caller caller, @PathVariable("slot") UUID slot,
                      @RequestParam("teacher_id") UUID teacher, Model model, HttpServletResponse response) {
        FormErrors errors = FormErrors.none();
        try {
            timeslots.delete(school.id(), caller.email(), slot);
        } catch (ConflictWithCurrentState held) {
            errors.add("form", held.getMessage());
            response.setStatus(409);
            return page(school, teacher, model, errors, Map.of());
        }
        return "redirect:/admin/timetable?teacher=" + teacher;
    }

    private String page(CurrentSchool school, UUID teacher, Model model, FormErrors errors, Map<String, String> form) {
        List<TeacherProfile> teachers = catalogue.activeTeachers(school.id(), null);
        UUID shown = teacher != null ? teacher : teachers.stream().findFirst().map(TeacherProfile::id).orElse(null);
        Map<String, List<Timeslot>> week = new LinkedHashMap<>();
        Map<UUID, Enrollment> heldBy = Map.of();
        if (shown != null) {
            timeslots.list(school.id(), shown, null, null, ALL).items().forEach(slot -> week
                    .computeIfAbsent(PublicPages.weekdayName(slot.weekday()), day -> new ArrayList<>()).add(slot));
            heldBy = enrollments.page(school.id(), null, shown, null, ALL).items().stream()
                    .filter(held -> held.status().holdsSlot())
                    .collect(Collectors.toMap(Enrollment::timeslotId, held -> held, (first, second) -> first));
        }
        Map<UUID, String> holders = heldBy.values().stream().collect(Collectors.toMap(Enrollment::timeslotId,
                held -> held.studentName() + (held.status() == EnrollmentStatus.PROVISIONAL ? " (provisional)" : "")));
        model.addAttribute("teachers", teachers);
        model.addAttribute("shown", shown);
        model.addAttribute("week", week);
        model.addAttribute("holders", holders);
        model.addAttribute("heldBy", heldBy);
        model.addAttribute("weekdays", PublicPages.weekdays());
        model.addAttribute("rooms", rooms.list(school.id(), true, ALL).items());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "booking/admin-timetable";
    }
}
