package academy.cedarheights.billing.gateway;

import java.net.URI;
import java.util.UUID;

/**
 * @param schoolBaseUrl the school's address (the simulated provider serves its card page there, as a page of the school)
 * @param returnUrl     where the family lands after adding the card (or giving up): a page of its school, absolute
 * @param bankDebit     whether the school also offers Canadian pre-authorised debit (a mandate for its invoices and
 *                      subscriptions, collected with the bank account)
 */
public record CardSetup(UUID schoolId, String schoolSlug, URI schoolBaseUrl, UUID payeeId, String customerId,
                        URI returnUrl, boolean bankDebit) {
}
