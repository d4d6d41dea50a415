package academy.cedarheights.billing.gateway;

import java.time.Instant;
import java.util.UUID;

/**
 * @param priceId               the school's monthly price at the provider, made once per amount ({@code billing_prices})
 * @param firstFullPeriodStarts the billing anchor: the first of next month, in the school's zone — or, for lessons that
 *                              start in a later month, the first of that month
 * @param startsLater           nothing is charged before {@code firstFullPeriodStarts} (the lessons start in a later
 *                              month: a trial until then), instead of a first invoice prorated up to it
 * @param retry                 an earlier run may have made the subscription already (its answer lost): look for it
 *                              by our metadata before making one, since idempotency keys last only 24 hours
 */
public record MonthlyPlan(UUID schoolId, UUID enrollmentId, String customerId, String paymentMethodId, String priceId,
                          String description, Instant firstFullPeriodStarts, boolean startsLater, boolean retry) {

    public String idempotencyKey() {
        return "subscription-" + enrollmentId;
    }
}
