package academy.cedarheights.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A slot held for a waiting family until {@code expiresAt}, as the family (and the school) sees it.
 *
 * @param firstLesson the first lesson it would have, accepted now
 */
public record OfferView(UUID id, UUID timeslotId, UUID studentId, String studentName, String teacherName, int weekday,
                        @JsonFormat(pattern = "HH:mm") LocalTime startTime, LocalDate firstLesson, String status,
                        Instant expiresAt) {

    /** Whether the family can still answer it: open, and not past its time. */
    public boolean openAt(Instant now) {
        return status.equals("open") && expiresAt.isAfter(now);
    }
}
