package academy.cedarheights.booking;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.web.IdempotentRequests;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final Moves moves;

    ParentBookings(FamilyProfile families, Bookings bookings, Enrollments enrollments, IdempotentRequests idempotency,
                   JdbcClient jdbc, Moves moves) {
        this.moves = moves;
        this.jdbc = jdbc;
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

    /**
     * Several of the family's children at once, all or nothing; another family's child answers 404, and a repeated
     * {@code Idempotency-Key} gets the first answer.
     */
    public BatchAccepted bookAll(UUID school, Caller caller, BatchBooking request, String idempotencyKey) {
        caller.requireVerifiedEmail();
        request.bookings().forEach(booking -> families.child(school, caller, booking.studentId()));
        return idempotency.once(school, caller.subject(), idempotencyKey, request, BatchAccepted.class,
                () -> bookings.holdAll(school, request.bookings()));
    }

    @Transactional(readOnly = true)
    public List<BookingStatus> list(UUID school, Caller caller) {
        return enrollments.ofFamily(school, families.payee(school, caller).id());
    }

    @Transactional(readOnly = true)
    public BookingStatus status(UUID school, Caller caller, UUID trackingId) {
        return enrollments.statusOf(school, families.payee(school, caller).id(), trackingId);
    }

    /**
     * The family's payment method in a few words for the top of the portal ("Visa ending in 4242"), read from the view
     * billing publishes; empty without one.
     */
    @Transactional(readOnly = true)
    public Optional<String> paymentMethod(UUID school, Caller caller) {
        return jdbc.sql("""
                        select case when method_type = 'acss_debit'
                                    then 'Pre-authorised debit from ' || coalesce(method_bank, 'a bank account')
                                         || ' ending in ' || method_last4
                                    when method_last4 is not null
                                    then initcap(coalesce(method_brand, 'card')) || ' ending in ' || method_last4
                                    else 'A card' end
                          from family_payment_methods
                         where school_id = :school and payee_id = :payee and has_payment_method""")
                .param("school", school).param("payee", families.payee(school, caller).id())
                .query(String.class).optional();
    }

    /** Where one of the family's bookings can move. */
    @Transactional(readOnly = true)
    public List<OpenSlot> moveDestinations(UUID school, Caller caller, UUID trackingId) {
        return moves.destinations(school, status(school, caller, trackingId).enrollmentId());
    }

    /** Moves one of the family's bookings to another slot; another family's answers 404. */
    public Moved move(UUID school, Caller caller, UUID trackingId, MoveRequest request) {
        caller.requireVerifiedEmail();
        return moves.moveForFamily(school, families.payee(school, caller).id(), caller.email(), trackingId,
                request.timeslotId(), request.fromDate());
    }

    public BookingStatus cancel(UUID school, Caller caller, UUID trackingId) {
        return enrollments.cancelForFamily(school, families.payee(school, caller).id(), trackingId);
    }
}
