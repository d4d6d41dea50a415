package academy.cedarheights.identity;

import java.util.UUID;

/**
 * A parent created a built-in account, its address not yet proven; published inside the sign-up transaction so that
 * a family record can be created with it — but not linked to one the school made for that address.
 */
public record ParentSignedUp(UUID schoolId, String subject, String email, String name) {
}
