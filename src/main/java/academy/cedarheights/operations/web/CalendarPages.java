package academy.cedarheights.operations.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.lessons.Lesson;
import academy.cedarheights.lessons.LessonRows;
import academy.cedarheights.lessons.Lessons;
import academy.cedarheights.operations.WeekCalendar;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.Html;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.Room;
import academy.cedarheights.schools.Rooms;
import academy.cedarheights.schools.Teacher;
import academy.cedarheights.schools.Teachers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The week calendar: every teacher's lessons day by day (a day list on a phone), filterable by teacher and room; a
 * lesson opens to be marked, cancelled for the school or moved, a free slot to be assigned.
 */
@WebPage
class CalendarPages {

    private static final PageQuery EVERY = new PageQuery(0, 200, null);
    private final WeekCalendar calendar;
    private final Lessons lessons;
    private final Teachers teachers;
    private final Rooms rooms;
    private final Clock clock;

    CalendarPages(WeekCalendar calendar, Lessons lessons, Teachers teachers, Rooms rooms, Clock clock) {
        this.calendar = calendar;
        this.lessons = lessons;
        this.teachers = teachers;
        this.rooms = rooms;
        this.clock = clock;
    }

    @GetMapping("/admin/calendar")
    String week(CurrentSchool school, @RequestParam(name = "date", required = false) String date,
                @RequestParam(name = "teacher", required = false) String teacher,
                @RequestParam(name = "room", required = false) String room, HttpServletRequest request, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(school.timeZone()));
        LocalDate day = Optional.ofNullable(FormValues.date(date)).orElse(today);
        UUID teacherId = FormValues.uuid(teacher);
        UUID roomId = FormValues.uuid(room);
        WeekCalendar.Week week = calendar.of(school.id(), day, teacherId, roomId);
        model.addAttribute("week", week);
        model.addAttribute("days", CalendarHtml.days(week, today, teacherId != null || roomId != null,
                request.getContextPath()));
        model.addAttribute("teacher", teacherId);
        model.addAttribute("room", roomId);
        // sixty teachers' options are written in Java: three expressions each cost the template engine 20 ms
        model.addAttribute("teacherOptions", Html.options(teachers.list(school.id(), true, null, EVERY).items(),
                Teacher::id, Teacher::name, teacherId));
        model.addAttribute("roomOptions", Html.options(rooms.list(school.id(), true, EVERY).items(),
                Room::id, Room::name, roomId));
        return "operations/calendar";
    }

    /** One weekly lesson, to mark (the day sheet's buttons), or to move or cancel its enrollment. */
    @GetMapping("/admin/lessons/{enrollment}/{date}")
    String lesson(CurrentSchool school, @PathVariable("enrollment") UUID enrollment, @PathVariable("date") LocalDate date,
                  HttpServletRequest request, Model model) {
        List<Lesson> theLesson = lessons.on(school.id(), date, null).stream()
                .filter(lesson -> lesson.makeupId() == null && lesson.enrollmentId().equals(enrollment)).toList();
        if (theLesson.isEmpty()) {
            throw new NoSuchRecord("lesson of enrollment", enrollment);
        }
        model.addAttribute("lessons", theLesson);
        model.addAttribute("lesson", theLesson.get(0));
        model.addAttribute("lessonRows", LessonRows.html(theLesson, "/admin", request));
        return "operations/lesson";
    }
}
