package academy.cedarheights.billing.gateway;

import java.util.UUID;

/** @param returnUrl where the family lands after adding the card (or giving up) */
public record CardSetup(UUID schoolId, String schoolSlug, UUID payeeId, String customerId, String returnUrl) {
}
