package academy.cedarheights.lessons;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A make-up credit: earned by a missed lesson ({@code source_lesson_date}), usable inside that lesson's semester
 * until {@code expires_on}; once booked it names the one-off lesson ({@code timeslot_id} on {@code booked_date}),
 * and once that lesson is marked, how it went ({@code attendance}: present or no_show).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MakeUpCredit(UUID id, UUID studentId, String studentName, UUID enrollmentId, UUID semesterId,
                           LocalDate sourceLessonDate, String status, LocalDate expiresOn, UUID timeslotId,
                           LocalDate bookedDate, String attendance, Instant createdAt) {
}
