package academy.cedarheights.schools;

import java.time.LocalTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A weekly slot: ISO weekday (1 = Monday), local start and end in the school's time zone. */
public record TimeslotRequest(
        @NotNull UUID teacherId,
        @NotNull @Min(1) @Max(7) Integer weekday,
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime startTime,
        @NotNull @JsonFormat(pattern = "HH:mm") LocalTime endTime,
        UUID roomId,
        @NotNull Boolean active) {
}
