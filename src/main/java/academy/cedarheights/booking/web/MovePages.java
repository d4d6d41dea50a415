package academy.cedarheights.booking.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import academy.cedarheights.booking.BookingStatus;
import academy.cedarheights.booking.Enrollment;
import academy.cedarheights.booking.MoveRequest;
import academy.cedarheights.booking.Moves;
import academy.cedarheights.booking.OpenSlot;
import academy.cedarheights.booking.OpenSlots;
import academy.cedarheights.booking.ParentBookings;
import academy.cedarheights.booking.SchoolEnrollments;
import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.FormErrors;
import academy.cedarheights.platform.web.FormValues;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Moving a booking to another slot, for the family from its portal and for the school from its enrollments: the slots
 * it can go to (free, of the child's instrument, of the same length) and from which day.
 */
@WebPage
class MovePages {

    private final ParentBookings bookings;
    private final SchoolEnrollments enrollments;
    private final Moves moves;
    private final OpenSlots openSlots;
    private final FamilyProfile families;

    MovePages(ParentBookings bookings, SchoolEnrollments enrollments, Moves moves, OpenSlots openSlots,
              FamilyProfile families) {
        this.families = families;
        this.bookings = bookings;
        this.enrollments = enrollments;
        this.moves = moves;
        this.openSlots = openSlots;
    }

    /** What the page says of the booking it moves. */
    private record Moving(String student, UUID enrollmentId, UUID timeslotId, String action, String back) {
    }

    @GetMapping("/parent/bookings/{tracking}/move")
    String parentForm(CurrentSchool school, Caller caller, @PathVariable("tracking") UUID tracking, Model model) {
        return form(school, ofFamily(school, caller, tracking), model, FormErrors.none(), null, null);
    }

    @PostMapping("/parent/bookings/{tracking}/move")
    String parentMove(CurrentSchool school, Caller caller, @PathVariable("tracking") UUID tracking,
                      @RequestParam(name = "timeslot_id", required = false) String slot,
                      @RequestParam(name = "from_date", required = false) String from, Model model,
                      HttpServletResponse response) {
        Moving moving = ofFamily(school, caller, tracking);
        return submit(school, moving, slot, from, model, response,
                request -> bookings.move(school.id(), caller, tracking, request), "/parent/bookings/" + tracking);
    }

    @GetMapping("/admin/enrollments/{id}/move")
    String adminForm(CurrentSchool school, @PathVariable("id") UUID id, Model model) {
        return form(school, ofSchool(school, id), model, FormErrors.none(), null, null);
    }

    @PostMapping("/admin/enrollments/{id}/move")
    String adminMove(CurrentSchool school, Caller caller, @PathVariable("id") UUID id,
                     @RequestParam(name = "timeslot_id", required = false) String slot,
                     @RequestParam(name = "from_date", required = false) String from, Model model,
                     HttpServletResponse response) {
        return submit(school, ofSchool(school, id), slot, from, model, response,
                request -> enrollments.move(school.id(), caller.email(), id, request), "/admin/enrollments");
    }

    private Moving ofFamily(CurrentSchool school, Caller caller, UUID tracking) {
        BookingStatus booking = bookings.status(school.id(), caller, tracking);
        String student = families.child(school.id(), caller, booking.studentId()).name();
        return new Moving(student, booking.enrollmentId(), booking.timeslotId(), "/parent/bookings/" + tracking + "/move",
                "/parent");
    }

    private Moving ofSchool(CurrentSchool school, UUID id) {
        Enrollment enrollment = enrollments.get(school.id(), id);
        return new Moving(enrollment.studentName(), id, enrollment.timeslotId(), "/admin/enrollments/" + id + "/move",
                "/admin/enrollments");
    }

    private String submit(CurrentSchool school, Moving moving, String slot, String from, Model model,
                          HttpServletResponse response, Consumer<MoveRequest> move, String done) {
        UUID timeslot = FormValues.uuid(slot);
        LocalDate fromDate = FormValues.date(from);
        if (timeslot == null) {
            response.setStatus(400);
            return form(school, moving, model, FormErrors.none().add("timeslot_id", "Please choose a slot."), slot, from);
        }
        try {
            move.accept(new MoveRequest(timeslot, fromDate));
            return "redirect:" + done;
        } catch (InvalidField refused) {
            response.setStatus(400);
            return form(school, moving, model, FormErrors.of(refused), slot, from);
        } catch (ConflictWithCurrentState refused) {
            response.setStatus(409);
            return form(school, moving, model, FormErrors.none().add("form", refused.getMessage()), slot, from);
        }
    }

    private String form(CurrentSchool school, Moving moving, Model model, FormErrors errors, String slot, String from) {
        List<OpenSlot> destinations = moves.destinations(school.id(), moving.enrollmentId());
        model.addAttribute("student", moving.student());
        model.addAttribute("lesson", openSlots.withIds(school.id(), List.of(moving.timeslotId())).stream()
                .map(PublicPages::describe).findFirst().orElse(""));
        model.addAttribute("destinations", destinations.stream()
                .map(destination -> new Destination(destination.id().toString(), PublicPages.describe(destination)))
                .toList());
        model.addAttribute("chosen", slot);
        model.addAttribute("fromDate", from != null ? from : moves.nextLesson(school.id(), moving.enrollmentId()).toString());
        model.addAttribute("action", moving.action());
        model.addAttribute("back", moving.back());
        model.addAttribute("errors", errors);
        return "booking/move";
    }

    record Destination(String id, String words) {
    }
}
