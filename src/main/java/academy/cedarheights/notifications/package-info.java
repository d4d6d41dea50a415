/**
 * Notifications: email templates, delivery through Mailjet, SMTP or the local outbox, SMS through
 * Twilio, the email log and lesson reminders. Called by every module, it calls none.
 */
@ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"platform", "schools"})
package academy.cedarheights.notifications;

import org.springframework.modulith.ApplicationModule;
