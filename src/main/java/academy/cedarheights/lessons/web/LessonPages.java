package academy.cedarheights.lessons.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import academy.cedarheights.lessons.AttendanceMark;
import academy.cedarheights.lessons.Lesson;
import academy.cedarheights.lessons.LessonRows;
import academy.cedarheights.lessons.Lessons;
import academy.cedarheights.lessons.MakeUpAttendance;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A day's lessons with one-click attendance: teachers see and mark their own, admins any (the admin dashboard
 * shows the same rows). A click marks through the same service as the API, and htmx swaps the one row.
 */
@WebPage
class LessonPages {

    private final Lessons lessons;
    private final MakeUpAttendance makeUps;
    private final Clock clock;

    LessonPages(Lessons lessons, MakeUpAttendance makeUps, Clock clock) {
        this.lessons = lessons;
        this.makeUps = makeUps;
        this.clock = clock;
    }

    @GetMapping("/teacher")
    String teacher(CurrentSchool school, Caller caller, @RequestParam(name = "date", required = false) LocalDate date,
                   HttpServletRequest request, Model model) {
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(school.timeZone()));
        model.addAttribute("day", day);
        List<Lesson> ofDay = lessons.ofTeacher(school.id(), caller.email(), day);
        model.addAttribute("lessons", ofDay);
        model.addAttribute("lessonRows", LessonRows.html(ofDay, "/teacher", request));
        Map<LocalDate, List<Lesson>> week = new LinkedHashMap<>();
        for (int ahead = 1; ahead < 7; ahead++) {
            week.put(day.plusDays(ahead), lessons.ofTeacher(school.id(), caller.email(), day.plusDays(ahead)));
        }
        model.addAttribute("week", week);
        return "lessons/teacher";
    }

    @PostMapping("/teacher/lessons/mark")
    String markAsTeacher(CurrentSchool school, Caller caller, @RequestParam("enrollment_id") UUID enrollment,
                         @RequestParam("date") LocalDate date, @RequestParam("status") String status,
                         @RequestHeader(name = "HX-Request", required = false) String htmx,
                       HttpServletRequest request, Model model) {
        lessons.markAsTeacher(school.id(), caller.email(), new AttendanceMark(enrollment, date, status, null));
        return row(lessons.ofTeacher(school.id(), caller.email(), date), enrollment, "/teacher", htmx,
                "redirect:/teacher?date=" + date, model, request);
    }

    @PostMapping("/admin/lessons/mark")
    String markAsAdmin(CurrentSchool school, Caller caller, @RequestParam("enrollment_id") UUID enrollment,
                       @RequestParam("date") LocalDate date, @RequestParam("status") String status,
                       @RequestHeader(name = "HX-Request", required = false) String htmx,
                       HttpServletRequest request, Model model) {
        lessons.mark(school.id(), caller.email(), new AttendanceMark(enrollment, date, status, null), null);
        return row(lessons.on(school.id(), date, null), enrollment, "/admin", htmx, "redirect:/admin?date=" + date,
                model, request);
    }

    @PostMapping("/teacher/makeups/mark")
    String markMakeUpAsTeacher(CurrentSchool school, Caller caller, @RequestParam("makeup_id") UUID makeUp,
                               @RequestParam("date") LocalDate date, @RequestParam("status") String status,
                               @RequestHeader(name = "HX-Request", required = false) String htmx,
                             HttpServletRequest request, Model model) {
        makeUps.markAsTeacher(school.id(), caller.email(), makeUp, status);
        return makeUpRow(lessons.ofTeacher(school.id(), caller.email(), date), makeUp, "/teacher", htmx,
                "redirect:/teacher?date=" + date, model, request);
    }

    @PostMapping("/admin/makeups/mark")
    String markMakeUpAsAdmin(CurrentSchool school, Caller caller, @RequestParam("makeup_id") UUID makeUp,
                             @RequestParam("date") LocalDate date, @RequestParam("status") String status,
                             @RequestHeader(name = "HX-Request", required = false) String htmx,
                             HttpServletRequest request, Model model) {
        makeUps.mark(school.id(), caller.email(), makeUp, status, null);
        return makeUpRow(lessons.on(school.id(), date, null), makeUp, "/admin", htmx, "redirect:/admin?date=" + date,
                model, request);
    }

    private static String row(List<Lesson> ofDay, UUID enrollment, String area, String htmx, String withoutHtmx,
                              Model model, HttpServletRequest request) {
        return rowOf(ofDay, lesson -> lesson.makeupId() == null && lesson.enrollmentId().equals(enrollment), area, htmx,
                withoutHtmx, model, request);
    }

    private static String makeUpRow(List<Lesson> ofDay, UUID makeUp, String area, String htmx, String withoutHtmx,
                                    Model model, HttpServletRequest request) {
        return rowOf(ofDay, lesson -> makeUp.equals(lesson.makeupId()), area, htmx, withoutHtmx, model, request);
    }

    /** Without htmx the whole page comes back; with it, only the row just marked. */
    private static String rowOf(List<Lesson> ofDay, Predicate<Lesson> marked, String area, String htmx,
                                String withoutHtmx, Model model, HttpServletRequest request) {
        if (htmx == null) {
            return withoutHtmx;
        }
        Lesson lesson = ofDay.stream().filter(marked).findFirst().orElseThrow();
        model.addAttribute("lessonRows", LessonRows.html(List.of(lesson), area, request));
        return "lessons/row";
    }
}
