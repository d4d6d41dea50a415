package academy.cedarheights.billing;

import java.util.UUID;

import academy.cedarheights.platform.jobs.SchoolScoped;

/** Puts a family's new payment method to work at the provider; the job's instance id is the method's id. */
record PaymentMethodJob(UUID schoolId, UUID payeeId, String paymentMethodId) implements SchoolScoped {
}
