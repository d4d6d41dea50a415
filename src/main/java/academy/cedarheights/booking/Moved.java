package academy.cedarheights.booking;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A move's answer: the enrollment's new slot, the day the old one is left (lessons before it stay where they were),
 * and the first lesson in the new one.
 */
public record Moved(UUID trackingId, UUID enrollmentId, UUID timeslotId, UUID previousTimeslotId, LocalDate fromDate,
                    LocalDate firstLessonDate, EnrollmentStatus status) {
}
