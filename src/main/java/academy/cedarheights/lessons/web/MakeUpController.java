package academy.cedarheights.lessons.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.lessons.MakeUpAttendance;
import academy.cedarheights.lessons.MakeUpBookings;
import academy.cedarheights.lessons.MakeUpCredit;
import academy.cedarheights.lessons.MakeUpCredits;
import academy.cedarheights.lessons.MakeUpSlot;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Make-up credits: families see theirs and book free lessons with them; admins see the school's. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Make-ups")
class MakeUpController {

    private final MakeUpCredits credits;
    private final MakeUpBookings bookings;
    private final FamilyProfile families;
    private final MakeUpAttendance attendance;
    private final Clock clock;

    MakeUpController(MakeUpCredits credits, MakeUpBookings bookings, MakeUpAttendance attendance, FamilyProfile families,
                     Clock clock) {
        this.attendance = attendance;
        this.credits = credits;
        this.bookings = bookings;
        this.families = families;
        this.clock = clock;
    }

    record MakeUpBooking(@NotNull UUID makeupId, @NotNull UUID timeslotId, @NotNull LocalDate date) {
    }

    record MakeUpMark(@NotNull @Pattern(regexp = "present|no_show", message = "must be present or no_show") String status) {
    }

    @PutMapping("/teacher/makeups/{id}/attendance")
    @Operation(summary = "Mark one of your make-up lessons present or a no-show; another teacher's answers 404")
    MakeUpCredit markMine(CurrentSchool school, Caller caller, @PathVariable("id") UUID id,
                          @Valid @RequestBody MakeUpMark mark) {
        return attendance.markAsTeacher(school.id(), caller.email(), id, mark.status());
    }

    @PutMapping("/admin/makeups/{id}/attendance")
    @Operation(summary = "Mark any booked make-up lesson present or a no-show")
    MakeUpCredit markAny(CurrentSchool school, Caller caller, @PathVariable("id") UUID id,
                         @Valid @RequestBody MakeUpMark mark) {
        return attendance.mark(school.id(), caller.email(), id, mark.status(), null);
    }

    @GetMapping("/parent/makeups")
    @Operation(summary = "Your children's make-up credits, newest first")
    List<MakeUpCredit> mine(CurrentSchool school, Caller caller) {
        return credits.ofFamily(school.id(), families.payee(school.id(), caller).id());
    }

    @GetMapping("/parent/makeups/slots")
    @Operation(summary = "Free one-off lessons your child's available credits can book (four weeks from today by default)")
    List<MakeUpSlot> slots(CurrentSchool school, Caller caller, @RequestParam("student_id") UUID studentId,
                           @RequestParam(name = "from", required = false) LocalDate from,
                           @RequestParam(name = "to", required = false) LocalDate to) {
        families.child(school.id(), caller, studentId);
        LocalDate first = from != null ? from : LocalDate.now(clock.withZone(school.timeZone()));
        return bookings.freeLessons(school.id(), studentId, first, to != null ? to : first.plusWeeks(4));
    }

    @PostMapping("/parent/makeups/book")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Book a free lesson with a credit; 409 if the lesson was just taken or the credit is spent")
    MakeUpCredit book(CurrentSchool school, Caller caller, @Valid @RequestBody MakeUpBooking booking) {
        UUID payee = families.payeeWhoMayHold(school.id(), caller).id();
        return bookings.book(school.id(), payee, caller.email(), booking.makeupId(), booking.timeslotId(), booking.date());
    }

    @PostMapping("/parent/makeups/{id}/cancel")
    @Operation(summary = "Cancel a booked make-up lesson up to 24 hours ahead: the credit is available again; 409 later")
    MakeUpCredit cancel(CurrentSchool school, Caller caller, @PathVariable("id") UUID id) {
        return bookings.cancel(school.id(), families.payee(school.id(), caller).id(), caller.email(), id);
    }

    @GetMapping("/admin/makeups")
    @Operation(summary = "The school's make-up credits, optionally of one student or one status")
    List<MakeUpCredit> ofSchool(CurrentSchool school, @RequestParam(name = "student_id", required = false) UUID studentId,
                                @RequestParam(name = "status", required = false)
                                @Pattern(regexp = "available|booked|used|expired|revoked",
                                        message = "must be available, booked, used, expired or revoked") String status) {
        return credits.ofSchool(school.id(), studentId, status);
    }
}
