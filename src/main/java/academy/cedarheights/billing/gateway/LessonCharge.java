package academy.cedarheights.billing.gateway;

import java.util.UUID;

import academy.cedarheights.platform.Money;

public record LessonCharge(UUID schoolId, UUID enrollmentId, String customerId, String paymentMethodId, Money amount,
                           String description) {

    public String idempotencyKey(String step) {
        return "invoice-" + step + "-" + enrollmentId;
    }
}
