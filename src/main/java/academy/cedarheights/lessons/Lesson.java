package academy.cedarheights.lessons;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One dated lesson: a weekly lesson of an enrollment, with its attendance once marked, or a booked make-up
 * ({@code makeup_id} set; {@code enrollment_id} is then the enrollment whose missed lesson it makes up).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Lesson(UUID enrollmentId, LocalDate date, String studentName, UUID teacherId, String teacherName,
                     @JsonFormat(pattern = "HH:mm") LocalTime startTime, @JsonFormat(pattern = "HH:mm") LocalTime endTime,
                     String attendance, String notes, UUID makeupId, String room) {
}
