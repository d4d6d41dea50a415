package academy.cedarheights.billing.gateway;

import java.util.UUID;

import academy.cedarheights.platform.Money;

/**
 * @param retry an earlier run may have made the invoice already: look for it by our metadata and carry it on, since
 *              idempotency keys last only 24 hours
 */
public record LessonCharge(UUID schoolId, UUID enrollmentId, String customerId, String paymentMethodId, Money amount,
                           String description, boolean retry) {

    public String idempotencyKey(String step) {
        return "invoice-" + step + "-" + enrollmentId;
    }
}
