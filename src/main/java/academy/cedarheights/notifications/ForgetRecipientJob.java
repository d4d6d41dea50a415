package academy.cedarheights.notifications;

import java.util.UUID;

import academy.cedarheights.platform.jobs.SchoolScoped;

/** An erased family's address, for the email provider to forget once the erasure is committed. */
record ForgetRecipientJob(UUID schoolId, String address) implements SchoolScoped {
}
