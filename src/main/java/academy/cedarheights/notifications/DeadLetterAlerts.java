package academy.cedarheights.notifications;

import java.util.UUID;

import academy.cedarheights.platform.jobs.JobDeadLettered;
import academy.cedarheights.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a background job gives up, the school's admins get an {@code admin_alert}. An email that gave up
 * is marked failed in the log; if it was itself an alert, no further alert is raised (no loops).
 */
@Component
class DeadLetterAlerts {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAlerts.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Notifications notifications;

    DeadLetterAlerts(JdbcClient jdbc, TransactionTemplate transaction, Notifications notifications) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.notifications = notifications;
    }

    @EventListener
    void on(JobDeadLettered dead) {
        if (dead.schoolId() == null) {
            log.error("Job {}/{} gave up and belongs to no school; see the dead-letter table", dead.taskName(),
                    dead.taskInstance());
            return;
        }
        TenantContext.runAs(dead.schoolId(), () -> transaction.executeWithoutResult(status -> alert(dead)));
    }

    private void alert(JobDeadLettered dead) {
        if (DeliveryConfiguration.SEND_EMAIL.equals(dead.taskName()) && failedAlert(UUID.fromString(dead.taskInstance()), dead)) {
            return;
        }
        notifications.alertAdmins(dead.schoolId(), "A background job gave up: " + dead.taskName(),
                "The job " + dead.taskName() + " (" + dead.taskInstance() + ") failed on every attempt. Last error: "
                        + dead.lastError() + ". It is in the dead letters, where it can be retried.",
                "/admin/dead-letters");
    }

    /** Marks a given-up email failed; answers whether it was an alert (which must not raise another). */
    private boolean failedAlert(UUID emailId, JobDeadLettered dead) {
        String template = jdbc.sql("""
                        update email_log set status = 'failed', error = 'gave up: ' || :error
                         where id = :id returning template""")
                .param("id", emailId).param("error", dead.lastError()).query(String.class).optional().orElse(null);
        return EmailTemplate.ADMIN_ALERT.key().equals(template);
    }
}
