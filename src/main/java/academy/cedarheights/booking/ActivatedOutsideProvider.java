package academy.cedarheights.booking;

import java.util.UUID;

/**
 * An admin made an enrollment active with its billing handled outside the payment provider (cash, cheque, e-Transfer);
 * published inside that transaction, so its charge reaches the family's ledger with it.
 */
public record ActivatedOutsideProvider(UUID schoolId, UUID enrollmentId) {
}
