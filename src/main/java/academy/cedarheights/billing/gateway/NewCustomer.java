package academy.cedarheights.billing.gateway;

import java.util.UUID;

public record NewCustomer(UUID schoolId, UUID payeeId, String email, String name) {

    public String idempotencyKey() {
        return "customer-" + payeeId;
    }
}
