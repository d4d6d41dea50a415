package academy.cedarheights.schools;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Days without lessons (a holiday); one day when both dates are equal. */
public record Closure(UUID id, UUID semesterId, LocalDate startDate, LocalDate endDate, String reason, Instant createdAt) {
}
