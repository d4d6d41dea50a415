package academy.cedarheights.schools;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A teacher's weekly slot, with whether a provisional or active enrollment holds it. */
public record Timeslot(UUID id, UUID teacherId, int weekday,
                       @JsonFormat(pattern = "HH:mm") LocalTime startTime,
                       @JsonFormat(pattern = "HH:mm") LocalTime endTime,
                       UUID roomId, boolean active, boolean held, Instant createdAt, Instant updatedAt) {
}
