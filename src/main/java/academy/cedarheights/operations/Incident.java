package academy.cedarheights.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An entry of the privacy incident register, as recorded and completed since. */
public record Incident(UUID id, String whatHappened, LocalDate happenedOn, LocalDate foundOn, String dataAffected,
                      int familiesAffected, boolean significantHarm, String notificationsMade, String recordedBy,
                      Instant recordedAt, Instant updatedAt) {
}
