package academy.cedarheights.billing;

import java.util.UUID;

import academy.cedarheights.platform.jobs.SchoolScoped;

/** Refunds the unused lessons of a cancelled term against its invoice; the job's instance id names the enrollment. */
record RefundJob(UUID schoolId, UUID enrollmentId, UUID payeeId, String invoice, long amountCents, String currency)
        implements SchoolScoped {
}
