package academy.cedarheights.booking.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import academy.cedarheights.booking.BookSlot;
import academy.cedarheights.booking.CancellationTerms;
import academy.cedarheights.booking.Enrollment;
import academy.cedarheights.booking.EnrollmentStatus;
import academy.cedarheights.booking.OpenSlot;
import academy.cedarheights.booking.OpenSlots;
import academy.cedarheights.booking.SchoolEnrollments;
import academy.cedarheights.booking.SlotFilter;
import academy.cedarheights.families.Student;
import academy.cedarheights.families.Students;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.WebPage;
import academy.cedarheights.schools.BillingPlan;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The school's enrollments, newest first, filterable by status; cancelling one frees its slot at once. */
@WebPage
class AdminEnrollmentPages {

    static final int PUPILS_FOUND = 20;

    private final SchoolEnrollments enrollments;
    private final OpenSlots openSlots;
    private final Students students;
    private final Validator validator;

    private final CancellationTerms cancellationTerms;

    AdminEnrollmentPages(SchoolEnrollments enrollments, OpenSlots openSlots, Students students, Validator validator,
                         CancellationTerms cancellationTerms) {
        this.cancellationTerms = cancellationTerms;
        this.enrollments = enrollments;
        this.openSlots = openSlots;
        this.students = students;
        this.validator = validator;
    }

    @GetMapping("/admin/enrollments")
    String list(CurrentSchool school, @RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "page", required = false) Integer page,
                @RequestParam(name = "pupil", required = false) String pupil,
                @RequestParam(name = "student_id", required = false) String studentId,
                @RequestParam(name = "timeslot_id", required = false) String timeslotId, Model model) {
        Map<String, String> form = new HashMap<>();
        if (timeslotId != null) {
            form.put("timeslot_id", timeslotId);
        }
        if (pupil != null) {
            form.put("pupil", pupil);
        }
        if (studentId != null) {
            form.put("student_id", studentId);
        }
        return page(school, status, page, model, FormErrors.none(), form);
    }

    private String page(CurrentSchool school, String status, Integer page, Model model, FormErrors errors,
                        Map<String, String> form) {
        EnrollmentStatus filter = EnrollmentStatus.of(status).orElse(null);
        model.addAttribute("status", filter);
        model.addAttribute("statuses", EnrollmentStatus.values());
        model.addAttribute("plans", BillingPlan.values());
        model.addAttribute("enrollments", enrollments.page(school.id(), filter, null, null,
                new PageQuery(page, PageQuery.DEFAULT_SIZE, null)));
        Map<UUID, OpenSlot> slots = openSlots.find(school.id(), new SlotFilter(null, null, null, null, null)).stream()
                .collect(Collectors.toMap(OpenSlot::id, Function.identity()));
        model.addAttribute("slots", slots);
        model.addAttribute("openSlots", slots.values().stream().filter(OpenSlot::available).toList());
        model.addAttribute("students", pupils(school, form));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        return "booking/admin-enrollments";
    }

    /**
     * The pupils the assign form offers: those whose name has the searched text in it (the first few — a school of
     * hundreds is searched, not listed), or the one chosen (from a family's page, or before a refused assignment).
     */
    private List<Student> pupils(CurrentSchool school, Map<String, String> form) {
        UUID chosen = FormValues.uuid(form.get("student_id"));
        String searched = form.get("pupil");
        if (searched != null && !searched.isBlank()) {
            return students.named(school.id(), searched, PUPILS_FOUND);
        }
        if (chosen != null) {
            try {
                return List.of(students.get(school.id(), chosen));
            } catch (NoSuchRecord gone) {
                return List.of();
            }
        }
        return List.of();
    }

    /** Assigns a slot for the school; with "activate", billing is handled outside Stripe and it is active at once. */
    @PostMapping("/admin/enrollments")
    String assign(CurrentSchool school, Caller caller, @RequestParam Map<String, String> form, Model model,
                  HttpServletResponse response) {
        BookSlot request = new BookSlot(FormValues.uuid(form.get("student_id")), FormValues.uuid(form.get("timeslot_id")),
                BillingPlan.of(form.get("billing_plan")).orElse(null), null);
        FormErrors errors = FormErrors.submit(validator, request,
                valid -> enrollments.assign(school.id(), caller.email(), valid, form.containsKey("activate")));
        if (errors.any()) {
            response.setStatus(400);
            return page(school, null, null, model, errors, form);
        }
        return "redirect:/admin/enrollments";
    }

    @PostMapping("/admin/enrollments/{id}/activate")
    String activate(CurrentSchool school, Caller caller, @PathVariable("id") UUID id) {
        enrollments.activate(school.id(), caller.email(), id);
        return "redirect:/admin/enrollments";
    }

    /** Cancelling frees a family's slot and stops their billing: the admin confirms it on a page of its own. */
    @GetMapping("/admin/enrollments/{id}/cancel")
    String confirmCancel(CurrentSchool school, @PathVariable("id") UUID id, Model model) {
        Enrollment enrollment = enrollments.get(school.id(), id);
        model.addAttribute("student", enrollment.studentName());
        model.addAttribute("lesson", openSlots.withIds(school.id(), List.of(enrollment.timeslotId())).stream()
                .map(PublicPages::describe).findFirst().orElse(""));
        model.addAttribute("plan", enrollment.billingPlan());
        model.addAttribute("comesBack", cancellationTerms.onCancelling(school.id(), id).orElse(null));
        model.addAttribute("action", "/admin/enrollments/" + id + "/cancel");
        model.addAttribute("back", "/admin/enrollments");
        model.addAttribute("askReason", true);
        return "booking/confirm-cancel";
    }

    @PostMapping("/admin/enrollments/{id}/cancel")
    String cancel(CurrentSchool school, Caller caller, @PathVariable("id") UUID id,
                  @RequestParam(name = "reason", defaultValue = "cancelled by the school") String reason) {
        enrollments.cancel(school.id(), caller.email(), id, reason);
        return "redirect:/admin/enrollments";
    }
}
