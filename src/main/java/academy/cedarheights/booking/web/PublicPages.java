package academy.cedarheights.booking.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import academy.cedarheights.booking.OpenSlot;
import academy.cedarheights.booking.OpenSlots;
import academy.cedarheights.booking.SlotFilter;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Html;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.Catalogue;
import academy.cedarheights.schools.InstrumentView;
import academy.cedarheights.schools.TeacherProfile;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The school's public page: its teachers, the week's open slots (filterable) and the prices of the plans. */
@WebPage
class PublicPages {

    private final Catalogue catalogue;
    private final OpenSlots openSlots;

    PublicPages(Catalogue catalogue, OpenSlots openSlots) {
        this.catalogue = catalogue;
        this.openSlots = openSlots;
    }

    /** One weekday of the timetable. */
    record Day(String name, List<OpenSlot> slots) {
    }

    @GetMapping("/")
    String school(CurrentSchool school, @RequestParam(name = "instrument", required = false) UUID instrument,
                  @RequestParam(name = "teacher", required = false) UUID teacher,
                  @RequestParam(name = "day", required = false) Integer day,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  HttpServletRequest request, Model model) {
        String contextPath = request.getContextPath();
        List<OpenSlot> open = openSlots.find(school.id(), new SlotFilter(teacher, day, instrument, true, true));
        Map<Integer, List<OpenSlot>> byDay = new LinkedHashMap<>();
        open.forEach(slot -> byDay.computeIfAbsent(slot.weekday(), weekday -> new ArrayList<>()).add(slot));
        List<Day> days = byDay.entrySet().stream()
                .map(entry -> new Day(weekdayName(entry.getKey()), entry.getValue())).toList();
        List<TeacherProfile> teachers = catalogue.activeTeachers(school.id(), null);
        model.addAttribute("anyOpen", !days.isEmpty());
        model.addAttribute("days", TimetableHtml.days(days, contextPath));
        model.addAttribute("teacherCards", TimetableHtml.teacherCards(teachers));
        model.addAttribute("teacherOptions", Html.options(teachers, TeacherProfile::id, TeacherProfile::name, teacher));
        model.addAttribute("instrumentOptions", Html.options(catalogue.instruments(school.id()), InstrumentView::id,
                InstrumentView::name, instrument));
        model.addAttribute("dayOptions", TimetableHtml.weekdayOptions(day));
        return htmx != null ? "public/school :: timetable" : "public/school";
    }

    /** ISO weekday numbers with their names, Monday first, for a form's choice of day. */
    static Map<Integer, String> weekdays() {
        Map<Integer, String> names = new LinkedHashMap<>();
        IntStream.rangeClosed(1, 7).forEach(weekday -> names.put(weekday, weekdayName(weekday)));
        return names;
    }

    /** A weekly slot in words: "Tuesdays at 16:00 with Ada Keys". */
    static String describe(OpenSlot slot) {
        return slot.inWords();
    }

    static String describe(int weekday, LocalTime startTime, String teacher) {
        return OpenSlot.inWords(weekday, startTime, teacher);
    }

    static String weekdayName(int weekday) {
        return DayOfWeek.of(weekday).getDisplayName(TextStyle.FULL, Locale.CANADA);
    }
}
