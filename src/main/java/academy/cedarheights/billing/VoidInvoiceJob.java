package academy.cedarheights.billing;

import java.util.UUID;

import academy.cedarheights.platform.jobs.SchoolScoped;

/** Voids a lapsed renewal's open invoice at the provider; the job's instance id is the invoice's. */
record VoidInvoiceJob(UUID schoolId, String invoiceId) implements SchoolScoped {
}
