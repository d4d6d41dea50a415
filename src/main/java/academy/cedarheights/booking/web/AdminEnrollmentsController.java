package academy.cedarheights.booking.web;

import java.time.LocalDate;
import java.util.UUID;

import academy.cedarheights.booking.BookSlot;
import academy.cedarheights.booking.BookingAccepted;
import academy.cedarheights.booking.Enrollment;
import academy.cedarheights.booking.EnrollmentStatus;
import academy.cedarheights.booking.MoveRequest;
import academy.cedarheights.booking.Moved;
import academy.cedarheights.booking.SchoolEnrollments;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.schools.BillingPlan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/admin/enrollments", produces = "application/json")
@Tag(name = "Admin: enrollments")
class AdminEnrollmentsController {

    private final SchoolEnrollments enrollments;

    AdminEnrollmentsController(SchoolEnrollments enrollments) {
        this.enrollments = enrollments;
    }

    record AssignRequest(@NotNull UUID studentId, @NotNull UUID timeslotId,
                         @NotNull BillingPlan billingPlan,
                         LocalDate startDate, Boolean activate) {
    }

    record CancelRequest(@Size(max = 500) String reason) {
    }

    @GetMapping
    Page<Enrollment> list(CurrentSchool school, @RequestParam(name = "status", required = false) String status,
                          @RequestParam(name = "teacher_id", required = false) UUID teacherId,
                          @RequestParam(name = "student_id", required = false) UUID studentId,
                          @Valid @ParameterObject PageQuery page) {
        EnrollmentStatus named = status == null ? null : EnrollmentStatus.of(status).orElseThrow(
                () -> new InvalidField("status", "must be provisional, active, cancelled or expired"));
        return enrollments.page(school.id(), named, teacherId, studentId, page);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enroll a student; activate: true records billing handled outside Stripe")
    BookingAccepted assign(CurrentSchool school, Caller caller, @Valid @RequestBody AssignRequest request) {
        return enrollments.assign(school.id(), caller.email(), new BookSlot(request.studentId(), request.timeslotId(),
                request.billingPlan(), request.startDate()), Boolean.TRUE.equals(request.activate()));
    }

    @PostMapping("/{id}/activate")
    @Operation(summary = "Activate a provisional enrollment whose billing is handled outside Stripe; 409 if not provisional")
    Enrollment activate(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        return enrollments.activate(school.id(), caller.email(), id);
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "Move an enrollment to another slot from a date (default: its next lesson); billing goes on unchanged")
    Moved move(CurrentSchool school, Caller caller, @PathVariable UUID id, @Valid @RequestBody MoveRequest request) {
        return enrollments.move(school.id(), caller.email(), id, request);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an enrollment: the slot is free; a Stripe subscription is cancelled in the background")
    Enrollment cancel(CurrentSchool school, Caller caller, @PathVariable UUID id, @Valid @RequestBody(required = false) CancelRequest request) {
        return enrollments.cancel(school.id(), caller.email(), id, request == null ? null : request.reason());
    }
}
