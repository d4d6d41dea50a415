package academy.cedarheights.notifications;

import java.util.UUID;

import academy.cedarheights.platform.jobs.SchoolScoped;

/** The job that delivers one email of the log. */
record EmailJob(UUID schoolId, UUID emailId) implements SchoolScoped {
}
