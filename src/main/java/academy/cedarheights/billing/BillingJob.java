package academy.cedarheights.billing;

import java.util.UUID;

import academy.cedarheights.platform.jobs.SchoolScoped;

/** Sets up billing for one enrollment; the job's instance id is the enrollment id. */
record BillingJob(UUID schoolId, UUID enrollmentId) implements SchoolScoped {
}
