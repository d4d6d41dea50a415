package academy.cedarheights.lessons;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One dated lesson of an enrollment, with its attendance once marked. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Lesson(UUID enrollmentId, LocalDate date, String studentName, UUID teacherId, String teacherName,
                     @JsonFormat(pattern = "HH:mm") LocalTime startTime, @JsonFormat(pattern = "HH:mm") LocalTime endTime,
                     String attendance, String notes) {
}
