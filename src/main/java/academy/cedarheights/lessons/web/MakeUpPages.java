package academy.cedarheights.lessons.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.lessons.MakeUpBookings;
import academy.cedarheights.lessons.MakeUpCredit;
import academy.cedarheights.lessons.MakeUpCredits;
import academy.cedarheights.lessons.MakeUpSlot;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Make-ups: a family's credits with the free lessons each can take, and the school's list of credits. */
@WebPage
class MakeUpPages {

    static final int WEEKS_SHOWN = 4;
    private final MakeUpCredits credits;
    private final MakeUpBookings bookings;
    private final FamilyProfile families;
    private final Clock clock;

    MakeUpPages(MakeUpCredits credits, MakeUpBookings bookings, FamilyProfile families, Clock clock) {
        this.credits = credits;
        this.bookings = bookings;
        this.families = families;
        this.clock = clock;
    }

    @GetMapping("/parent/makeups")
    String family(CurrentSchool school, Caller caller, Model model) {
        return page(school, caller, model, null);
    }

    @PostMapping("/parent/makeups/book")
    String book(CurrentSchool school, Caller caller, @RequestParam("makeup_id") UUID credit,
                @RequestParam("timeslot_id") UUID timeslot, @RequestParam("date") LocalDate date, Model model,
                HttpServletResponse response) {
        try {
            bookings.book(school.id(), families.payeeWhoMayHold(school.id(), caller).id(), caller.email(), credit, timeslot, date);
            return "redirect:/parent/makeups";
        } catch (ConflictWithCurrentState | InvalidField refused) {
            response.setStatus(409);
            return page(school, caller, model, refused.getMessage());
        }
    }

    @PostMapping("/parent/makeups/{id}/cancel")
    String cancel(CurrentSchool school, Caller caller, @PathVariable("id") UUID credit, Model model,
                  HttpServletResponse response) {
        try {
            bookings.cancel(school.id(), families.payee(school.id(), caller).id(), caller.email(), credit);
            return "redirect:/parent/makeups";
        } catch (ConflictWithCurrentState refused) {
            response.setStatus(409);
            return page(school, caller, model, refused.getMessage());
        }
    }

    @GetMapping("/admin/makeups")
    String school(CurrentSchool school, Model model) {
        model.addAttribute("credits", credits.ofSchool(school.id(), null, null));
        return "lessons/admin-makeups";
    }

    private String page(CurrentSchool school, Caller caller, Model model, String problem) {
        List<MakeUpCredit> mine = credits.ofFamily(school.id(), families.payee(school.id(), caller).id());
        LocalDate today = LocalDate.now(clock.withZone(school.timeZone()));
        Map<UUID, List<MakeUpSlot>> freeByStudent = new LinkedHashMap<>();
        mine.stream().filter(credit -> credit.status().equals("available")).map(MakeUpCredit::studentId).distinct()
                .forEach(student -> freeByStudent.put(student,
                        bookings.freeLessons(school.id(), student, today, today.plusWeeks(WEEKS_SHOWN))));
        model.addAttribute("credits", mine);
        model.addAttribute("free", freeByStudent);
        model.addAttribute("problem", problem);
        return "lessons/makeups";
    }
}
