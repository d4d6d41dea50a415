package academy.cedarheights.booking;

import java.time.LocalDate;
import java.util.UUID;

/** An enrollment moved to another slot; the slot it left is free from {@code effectiveOn}. Published in that transaction. */
public record EnrollmentMoved(UUID schoolId, UUID enrollmentId, UUID fromTimeslotId, UUID toTimeslotId,
                              LocalDate effectiveOn) {
}
