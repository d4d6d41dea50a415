package academy.cedarheights.booking.web;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import academy.cedarheights.booking.OpenSlot;
import academy.cedarheights.booking.OpenSlots;
import academy.cedarheights.booking.SchoolEnrollments;
import academy.cedarheights.booking.SlotFilter;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.WebPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The school's enrollments, newest first, filterable by status; cancelling one frees its slot at once. */
@WebPage
class AdminEnrollmentPages {

    private final SchoolEnrollments enrollments;
    private final OpenSlots openSlots;

    AdminEnrollmentPages(SchoolEnrollments enrollments, OpenSlots openSlots) {
        this.enrollments = enrollments;
        this.openSlots = openSlots;
    }

    @GetMapping("/admin/enrollments")
    String list(CurrentSchool school, @RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "page", required = false) Integer page, Model model) {
        String filter = status != null && status.matches("provisional|active|cancelled|expired") ? status : null;
        model.addAttribute("status", filter);
        model.addAttribute("enrollments", enrollments.page(school.id(), filter, null, null,
                new PageQuery(page, PageQuery.DEFAULT_SIZE, null)));
        Map<UUID, OpenSlot> slots = openSlots.find(school.id(), new SlotFilter(null, null, null, null, null)).stream()
                .collect(Collectors.toMap(OpenSlot::id, Function.identity()));
        model.addAttribute("slots", slots);
        return "booking/admin-enrollments";
    }

    @PostMapping("/admin/enrollments/{id}/cancel")
    String cancel(CurrentSchool school, Caller caller, @PathVariable("id") UUID id,
                  @RequestParam(name = "reason", defaultValue = "cancelled by the school") String reason) {
        enrollments.cancel(school.id(), caller.email(), id, reason);
        return "redirect:/admin/enrollments";
    }
}
