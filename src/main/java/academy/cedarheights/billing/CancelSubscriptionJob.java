package academy.cedarheights.billing;

import java.util.UUID;

import academy.cedarheights.platform.jobs.SchoolScoped;

record CancelSubscriptionJob(UUID schoolId, UUID enrollmentId, String subscriptionId) implements SchoolScoped {
}
