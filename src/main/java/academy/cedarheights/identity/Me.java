package academy.cedarheights.identity;

import java.util.UUID;

/** Who the caller is, as {@code GET /auth/me} answers; {@code payee_id} only once a family record exists. */
public record Me(String sub, String email, String role, String school, UUID payeeId) {
}
