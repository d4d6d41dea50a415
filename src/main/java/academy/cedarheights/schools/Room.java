package academy.cedarheights.schools;

import java.time.Instant;
import java.util.UUID;

public record Room(UUID id, String name, boolean active, Instant createdAt) {
}
