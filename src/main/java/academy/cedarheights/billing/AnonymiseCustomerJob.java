package academy.cedarheights.billing;

import java.util.UUID;

import academy.cedarheights.platform.jobs.SchoolScoped;

/** An erased family's customer at the payment provider, to be cleared of its name, email and phone. */
record AnonymiseCustomerJob(UUID schoolId, String customerId) implements SchoolScoped {
}
