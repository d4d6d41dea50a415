package academy.cedarheights.booking.web;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.booking.BookingAccepted;
import academy.cedarheights.booking.FamilyWaitlist;
import academy.cedarheights.booking.OfferView;
import academy.cedarheights.booking.WaitRequest;
import academy.cedarheights.booking.Waitlist;
import academy.cedarheights.booking.WaitlistEntry;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.schools.BillingPlan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Waitlist")
class WaitlistController {

    private final FamilyWaitlist family;
    private final Waitlist waitlist;

    WaitlistController(FamilyWaitlist family, Waitlist waitlist) {
        this.family = family;
        this.waitlist = waitlist;
    }

    record AcceptRequest(@NotNull BillingPlan billingPlan) {
    }

    record PositionRequest(@NotNull Integer position) {
    }

    @PostMapping("/parent/waitlist")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Wait for a weekly slot for your child: a teacher, weekdays and a time window narrow the wish")
    WaitlistEntry join(CurrentSchool school, Caller caller, @Valid @RequestBody WaitRequest request) {
        return family.join(school.id(), caller, request);
    }

    @GetMapping("/parent/waitlist")
    List<WaitlistEntry> entries(CurrentSchool school, Caller caller) {
        return family.entries(school.id(), caller);
    }

    @DeleteMapping("/parent/waitlist/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave the waitlist; a slot held for you passes to the next family")
    void withdraw(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        family.withdraw(school.id(), caller, id);
    }

    @GetMapping("/parent/offers")
    @Operation(summary = "Slots held for you from the waitlist, until they expire")
    List<OfferView> offers(CurrentSchool school, Caller caller) {
        return family.offers(school.id(), caller);
    }

    @PostMapping("/parent/offers/{id}/accept")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Take the offered slot with a plan: a booking held while billing is set up; 409 once it ran out")
    BookingAccepted accept(CurrentSchool school, Caller caller, @PathVariable UUID id,
                           @Valid @RequestBody AcceptRequest request) {
        return family.accept(school.id(), caller, id, request.billingPlan());
    }

    @PostMapping("/parent/offers/{id}/decline")
    @Operation(summary = "Decline the offered slot: it passes to the next family, and you stay in line")
    OfferView decline(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        return family.decline(school.id(), caller, id);
    }

    @GetMapping("/admin/waitlist")
    @Operation(summary = "The waitlist in the school's order, with any slot held for each family")
    List<WaitlistEntry> inLine(CurrentSchool school) {
        return waitlist.inLine(school.id());
    }

    @PutMapping("/admin/waitlist/{id}/position")
    @Operation(summary = "Put a family at a place in line (1 = first); the others keep their order")
    List<WaitlistEntry> reorder(CurrentSchool school, Caller caller, @PathVariable UUID id,
                                @Valid @RequestBody PositionRequest request) {
        return waitlist.moveTo(school.id(), caller.email(), id, request.position());
    }
}
