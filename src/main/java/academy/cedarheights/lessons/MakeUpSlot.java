package academy.cedarheights.lessons;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A free one-off lesson a make-up credit can take: a slot nobody holds, on one date. */
public record MakeUpSlot(UUID timeslotId, LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime startTime,
                         @JsonFormat(pattern = "HH:mm") LocalTime endTime, UUID teacherId, String teacherName) {
}
