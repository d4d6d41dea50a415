package academy.cedarheights.schools;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record Semester(UUID id, String name, LocalDate startDate, LocalDate endDate, Instant createdAt) {
}
