package academy.cedarheights.booking;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.web.IdempotentRequests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A parent's bookings: only for their own children, and only their own are shown or cancelled. */
@Service
@Transactional
public class ParentBookings {

    private final FamilyProfile families;
    private final Bookings bookings;
    private final Enrollments enrollments;
    private final IdempotentRequests idempotency;

    ParentBookings(FamilyProfile families, Bookings bookings, Enrollments enrollments, IdempotentRequests idempotency) {
        this.families = families;
        this.bookings = bookings;
        this.enrollments = enrollments;
        this.idempotency = idempotency;
    }

    /**
     * Another family's student answers 404; an unproven address 403; a repeated {@code Idempotency-Key} gets the
     * first answer.
     */
    public BookingAccepted book(UUID school, Caller caller, BookSlot request, String idempotencyKey) {
        caller.requireVerifiedEmail();
        families.child(school, caller, request.studentId());
        return idempotency.once(school, caller.subject(), idempotencyKey, request, BookingAccepted.class,
                () -> bookings.hold(school, request, false));
    }

    @Transactional(readOnly = true)
    public List<BookingStatus> list(UUID school, Caller caller) {
        return enrollments.ofFamily(school, families.payee(school, caller).id());
    }

    @Transactional(readOnly = true)
    public BookingStatus status(UUID school, Caller caller, UUID trackingId) {
        return enrollments.statusOf(school, families.payee(school, caller).id(), trackingId);
    }

    public BookingStatus cancel(UUID school, Caller caller, UUID trackingId) {
        return enrollments.cancelForFamily(school, families.payee(school, caller).id(), trackingId);
    }
}
