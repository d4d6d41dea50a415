package academy.cedarheights.booking;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a family waits for, for one child: any slot of the child's instrument unless narrowed to a teacher, some
 * weekdays (ISO, 1 = Monday) and a time window (the lesson starts no earlier than {@code earliest} and ends no later
 * than {@code latest}).
 */
public record WaitRequest(@NotNull UUID studentId, UUID teacherId, UUID instrumentId,
                          @Size(min = 1, max = 7) List<@NotNull @Min(1) @Max(7) Integer> weekdays,
                          @JsonFormat(pattern = "HH:mm") LocalTime earliest,
                          @JsonFormat(pattern = "HH:mm") LocalTime latest) {
}
