package academy.cedarheights.billing.gateway;

import java.util.UUID;

import academy.cedarheights.platform.Money;

/**
 * @param chargeId what the invoice is for, in our records: the enrollment itself for its first term, a renewal's id
 *                 for a later one; the idempotency keys and the invoice's metadata carry it
 * @param retry    an earlier run may have made the invoice already: look for it by our metadata and carry it on, since
 *                 idempotency keys last only 24 hours
 */
public record LessonCharge(UUID schoolId, UUID enrollmentId, UUID chargeId, String customerId, String paymentMethodId,
                           Money amount, String description, boolean retry) {

    public String idempotencyKey(String step) {
        return "invoice-" + step + "-" + chargeId;
    }

    /** The enrollment's first term, charged when it became active (before renewals, the only invoice it had). */
    public boolean firstTerm() {
        return chargeId.equals(enrollmentId);
    }
}
