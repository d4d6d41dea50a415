package academy.cedarheights.identity;

import java.util.UUID;

/**
 * Who the caller is, as {@code GET /auth/me} answers; {@code payee_id} only once a family record is theirs, which
 * for a record the school made needs a proven address.
 */
public record Me(String sub, String email, String role, String school, UUID payeeId, boolean emailVerified) {
}
