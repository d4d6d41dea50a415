package academy.cedarheights.notifications;

import academy.cedarheights.notifications.delivery.DeliveryProperties;
import academy.cedarheights.notifications.delivery.MailDelivery;
import academy.cedarheights.notifications.delivery.MailjetDelivery;
import academy.cedarheights.notifications.delivery.OutboxDelivery;
import academy.cedarheights.platform.persistence.DatabaseProperties;
import academy.cedarheights.notifications.delivery.SmtpDelivery;
import academy.cedarheights.notifications.delivery.TextDelivery;
import academy.cedarheights.notifications.delivery.TwilioDelivery;
import academy.cedarheights.platform.jobs.JobDefinitions;
import academy.cedarheights.platform.tenancy.TenantContext;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the delivery adapters from the configuration, and defines the delivery jobs. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    static final String SEND_EMAIL = "send-email";
    static final String SEND_TEXT = "send-text";
    static final String FORGET_RECIPIENT = "forget-recipient";
    private static final Logger log = LoggerFactory.getLogger(DeliveryConfiguration.class);

    @Bean
    MailDelivery mailDelivery(DeliveryProperties properties, DatabaseProperties database) {
        if (properties.mailjet()) {
            log.info("Emails go through Mailjet at {}", properties.mailjetApiBase());
            return new MailjetDelivery(properties);
        }
        if (properties.smtp()) {
            log.info("Emails go through SMTP at {}:{}", properties.smtpHost(), properties.smtpPort());
            return new SmtpDelivery(properties);
        }
        log.info("No Mailjet or SMTP configured: emails stay in the local outbox (GET /api/v1/admin/emails)");
        // a link in an email may be a password reset: printed for a newcomer's demo, never in a production log
        return new OutboxDelivery(database.embedded());
    }

    @Bean
    TextDelivery textDelivery(DeliveryProperties properties) {
        return properties.twilio() ? new TwilioDelivery(properties) : null;
    }

    @Bean
    OneTimeTask<EmailJob> sendEmailTask(JobDefinitions jobs, ObjectProvider<EmailSending> sending) {
        return jobs.oneTime(SEND_EMAIL, EmailJob.class, (instance, context) -> {
            EmailJob job = instance.getData();
            TenantContext.runAs(job.schoolId(), () -> sending.getObject().deliver(job.emailId()));
        });
    }

    @Bean
    OneTimeTask<TextJob> sendTextTask(JobDefinitions jobs, ObjectProvider<TextSending> sending) {
        return jobs.oneTime(SEND_TEXT, TextJob.class, (instance, context) -> {
            TextJob job = instance.getData();
            TenantContext.runAs(job.schoolId(), () -> sending.getObject().deliver(job.textId()));
        });
    }

    @Bean
    OneTimeTask<ForgetRecipientJob> forgetRecipientTask(JobDefinitions jobs, MailDelivery mail) {
        return jobs.oneTime(FORGET_RECIPIENT, ForgetRecipientJob.class,
                (instance, context) -> mail.forget(instance.getData().address()));
    }
}
