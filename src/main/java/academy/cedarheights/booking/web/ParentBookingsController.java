package academy.cedarheights.booking.web;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.booking.BatchAccepted;
import academy.cedarheights.booking.BatchBooking;
import academy.cedarheights.booking.BookSlot;
import academy.cedarheights.booking.BookingAccepted;
import academy.cedarheights.booking.BookingStatus;
import academy.cedarheights.booking.MoveRequest;
import academy.cedarheights.booking.Moved;
import academy.cedarheights.booking.ParentBookings;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/parent/bookings", produces = "application/json")
@Tag(name = "Parent")
class ParentBookingsController {

    private final ParentBookings bookings;

    ParentBookingsController(ParentBookings bookings) {
        this.bookings = bookings;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Hold a weekly slot for your child while billing is set up (Idempotency-Key honoured)")
    BookingAccepted book(CurrentSchool school, Caller caller, @Valid @RequestBody BookSlot request,
                         @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return bookings.book(school.id(), caller, request, idempotencyKey);
    }

    @PostMapping("/batch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Hold slots for several of your children at once, all or nothing (Idempotency-Key honoured)")
    BatchAccepted bookAll(CurrentSchool school, Caller caller, @Valid @RequestBody BatchBooking request,
                          @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return bookings.bookAll(school.id(), caller, request, idempotencyKey);
    }

    @GetMapping
    List<BookingStatus> list(CurrentSchool school, Caller caller) {
        return bookings.list(school.id(), caller);
    }

    @GetMapping("/{tracking_id}/status")
    @Operation(summary = "Where a booking stands, and what you must do next (add a card)")
    BookingStatus status(CurrentSchool school, Caller caller, @PathVariable("tracking_id") UUID trackingId) {
        return bookings.status(school.id(), caller, trackingId);
    }

    @PostMapping("/{tracking_id}/move")
    @Operation(summary = "Move a booking to another slot from a date (default: its next lesson); billing goes on unchanged")
    Moved move(CurrentSchool school, Caller caller, @PathVariable("tracking_id") UUID trackingId,
               @Valid @RequestBody MoveRequest request) {
        return bookings.move(school.id(), caller, trackingId, request);
    }

    @PostMapping("/{tracking_id}/cancel")
    @Operation(summary = "Cancel a booking; the slot is free again")
    BookingStatus cancel(CurrentSchool school, Caller caller, @PathVariable("tracking_id") UUID trackingId) {
        return bookings.cancel(school.id(), caller, trackingId);
    }
}
