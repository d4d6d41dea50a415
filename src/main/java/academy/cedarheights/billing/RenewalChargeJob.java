package academy.cedarheights.billing;

import java.util.UUID;

import academy.cedarheights.platform.jobs.SchoolScoped;

/** Charges one renewal on its day; the job's instance id is the renewal's. */
record RenewalChargeJob(UUID schoolId, UUID renewalId) implements SchoolScoped {
}
