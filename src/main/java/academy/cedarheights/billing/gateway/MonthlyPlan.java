package academy.cedarheights.billing.gateway;

import java.time.Instant;
import java.util.UUID;

import academy.cedarheights.platform.Money;

/** @param firstFullPeriodStarts the billing anchor: the first of next month, in the school's zone */
public record MonthlyPlan(UUID schoolId, UUID enrollmentId, String customerId, String paymentMethodId, Money price,
                          String description, Instant firstFullPeriodStarts) {

    public String idempotencyKey() {
        return "subscription-" + enrollmentId;
    }
}
