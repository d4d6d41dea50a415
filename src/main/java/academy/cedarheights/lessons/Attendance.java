package academy.cedarheights.lessons;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The attendance of one lesson, and the make-up credit it earned, if any. */
public record Attendance(UUID enrollmentId, LocalDate date, String status, String notes, String markedBy, Instant markedAt,
                         Instant reportedAt, UUID makeupCreditId) {
}
