package academy.cedarheights.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The slot is held provisionally while billing is set up; the tracking id follows the booking. */
public record BookingAccepted(UUID trackingId, UUID enrollmentId, EnrollmentStatus status, Instant provisionalExpiresAt,
                              LocalDate firstLessonDate) {
}
