package academy.cedarheights.schools;

import java.time.Instant;
import java.util.UUID;

public record Instrument(UUID id, String name, Instant createdAt) {
}
