package academy.cedarheights.schools;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.Money;

/** A teacher as admins see them, with their pay and the instruments they teach. */
public record Teacher(UUID id, String name, String email, String bio, List<UUID> instrumentIds, Money payPerLesson,
                      boolean active, Instant createdAt, Instant updatedAt) {
}
