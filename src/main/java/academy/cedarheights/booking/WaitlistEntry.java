package academy.cedarheights.booking;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A child's place on the waitlist.
 *
 * @param place  1 for the first in line among those waiting or holding an offer
 * @param status {@code waiting}, {@code offered} (a slot is held for them), {@code booked} or {@code withdrawn}
 * @param offer  the open offer, while there is one
 */
public record WaitlistEntry(UUID id, UUID studentId, String studentName, String familyName, UUID teacherId,
                            String teacherName, UUID instrumentId, String instrumentName, List<Integer> weekdays,
                            @JsonFormat(pattern = "HH:mm") LocalTime earliest,
                            @JsonFormat(pattern = "HH:mm") LocalTime latest, Integer place, String status,
                            Instant createdAt, OfferView offer) {
}
