package academy.cedarheights.operations.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import academy.cedarheights.lessons.Lesson;
import academy.cedarheights.lessons.LessonRows;
import academy.cedarheights.lessons.Lessons;
import academy.cedarheights.operations.Dashboard;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin console's home: today's lessons with one-click attendance, provisional holds ageing with the time
 * they have left, recent payments, and what needs attention (dead letters, failed emails).
 */
@WebPage
class AdminPages {

    static final int RECENT_PAYMENTS = 20;
    private final Dashboard dashboard;
    private final Lessons lessons;
    private final Clock clock;

    AdminPages(Dashboard dashboard, Lessons lessons, Clock clock) {
        this.dashboard = dashboard;
        this.lessons = lessons;
        this.clock = clock;
    }

    /** The day's lessons are today's, or any other day's (to mark a past lesson late, or see who comes next week). */
    @GetMapping({"/admin", "/admin/dashboard"})
    String dashboard(CurrentSchool school, @RequestParam(name = "date", required = false) String date,
                     HttpServletRequest request, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(school.timeZone()));
        LocalDate day = Optional.ofNullable(FormValues.date(date)).orElse(today);
        model.addAttribute("day", day);
        model.addAttribute("today", today);
        List<Lesson> ofDay = lessons.on(school.id(), day, null);
        model.addAttribute("lessons", ofDay);
        model.addAttribute("lessonRows", LessonRows.html(ofDay, "/admin", request));
        model.addAttribute("holds", dashboard.provisionals(school.id()));
        model.addAttribute("problems", dashboard.paymentProblems(school.id()));
        model.addAttribute("payments", dashboard.payments(school.id(), RECENT_PAYMENTS));
        model.addAttribute("attention", dashboard.needsAttention(school.id()));
        model.addAttribute("money", dashboard.money(school.id(), school.timeZone()));
        model.addAttribute("now", clock.instant());
        return "operations/dashboard";
    }
}
