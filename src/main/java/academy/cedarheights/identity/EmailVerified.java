package academy.cedarheights.identity;

import java.util.UUID;

/**
 * The owner of a built-in account proved its address; published inside that transaction, so that the family record
 * the school made for the address is linked to the account with it.
 */
public record EmailVerified(UUID schoolId, String subject, String email) {
}
