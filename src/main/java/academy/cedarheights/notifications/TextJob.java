package academy.cedarheights.notifications;

import java.util.UUID;

import academy.cedarheights.platform.jobs.SchoolScoped;

/** The job that delivers one text message of the log. */
record TextJob(UUID schoolId, UUID textId) implements SchoolScoped {
}
