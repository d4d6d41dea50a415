package academy.cedarheights.lessons.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.lessons.Lessons;
import academy.cedarheights.lessons.UpcomingLessons;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A child's lessons for the family: the coming weeks (to report an absence ahead) and the attendance history. */
@WebPage
class FamilyLessonPages {

    static final int WEEKS_AHEAD = 6;
    private final Lessons lessons;
    private final UpcomingLessons upcoming;
    private final FamilyProfile families;
    private final Clock clock;

    FamilyLessonPages(Lessons lessons, UpcomingLessons upcoming, FamilyProfile families, Clock clock) {
        this.lessons = lessons;
        this.upcoming = upcoming;
        this.families = families;
        this.clock = clock;
    }

    @GetMapping("/parent/children/{student}")
    String child(CurrentSchool school, Caller caller, @PathVariable("student") UUID student, Model model) {
        return page(school, caller, student, model, null);
    }

    @PostMapping("/parent/children/{student}/absences")
    String reportAbsence(CurrentSchool school, Caller caller, @PathVariable("student") UUID student,
                         @RequestParam("enrollment_id") UUID enrollment, @RequestParam("date") LocalDate date,
                         Model model, HttpServletResponse response) {
        families.child(school.id(), caller, student);
        try {
            lessons.reportAbsence(school.id(), families.payee(school.id(), caller).id(), caller.email(), enrollment, date);
            return "redirect:/parent/children/" + student;
        } catch (InvalidField refused) {
            response.setStatus(400);
            return page(school, caller, student, model, "That lesson has already started, so it can no longer be reported.");
        }
    }

    private String page(CurrentSchool school, Caller caller, UUID student, Model model, String problem) {
        LocalDate today = LocalDate.now(clock.withZone(school.timeZone()));
        model.addAttribute("child", families.child(school.id(), caller, student));
        model.addAttribute("upcoming", upcoming.of(school.id(), student, today, today.plusWeeks(WEEKS_AHEAD)));
        model.addAttribute("history", lessons.ofStudent(school.id(), student));
        model.addAttribute("problem", problem);
        return "lessons/child";
    }
}
