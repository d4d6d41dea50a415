package academy.cedarheights.booking;

import java.time.LocalTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A weekly timeslot as the public sees it, with whether anyone holds it. */
public record OpenSlot(UUID id, UUID teacherId, String teacherName, int weekday,
                       @JsonFormat(pattern = "HH:mm") LocalTime startTime,
                       @JsonFormat(pattern = "HH:mm") LocalTime endTime,
                       boolean active, boolean available) {
}
