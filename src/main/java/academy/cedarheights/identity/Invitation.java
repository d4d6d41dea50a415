package academy.cedarheights.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation as admins see it.
 *
 * @param status {@code sent}, {@code accepted}, {@code expired} or {@code revoked}
 */
public record Invitation(UUID id, String email, String role, String status, String invitedBy, Instant createdAt,
                         Instant expiresAt, Instant acceptedAt) {
}
