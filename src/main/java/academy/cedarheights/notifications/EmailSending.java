package academy.cedarheights.notifications;

import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.delivery.Delivered;
import academy.cedarheights.notifications.delivery.DeliveryFailed;
import academy.cedarheights.notifications.delivery.DeliveryProperties;
import academy.cedarheights.notifications.delivery.DeliveryRefused;
import academy.cedarheights.notifications.delivery.MailDelivery;
import academy.cedarheights.notifications.delivery.OutgoingEmail;
import academy.cedarheights.schools.Branding;
import academy.cedarheights.schools.Schools;
import jakarta.mail.internet.InternetAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers one logged email: render, hand to the provider, record the outcome. Sent emails are never
 * sent again; a refusal fails the email at once; a transient failure is recorded and thrown, so the job
 * retries with backoff and, in the end, dead-letters.
 */
@Component
class EmailSending {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final EmailRenderer renderer;
    private final MailDelivery mail;
    private final Schools schools;
    private final InternetAddress sender;
    private final JsonMapper json;

    EmailSending(JdbcClient jdbc, TransactionTemplate transaction, EmailRenderer renderer, MailDelivery mail,
                 Schools schools, DeliveryProperties properties, JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.renderer = renderer;
        this.mail = mail;
        this.schools = schools;
        this.sender = OutgoingEmail.sender(properties.mailFrom());
        this.json = json;
    }

    private record Queued(UUID schoolId, String recipient, String template, String model, String status) {
    }

    private record ToSend(Queued email, Branding school) {
    }

    void deliver(UUID emailId) {
        ToSend toSend = transaction.execute(status -> jdbc.sql(
                        "select school_id, recipient, template, model::text as model, status from email_log where id = :id")
                .param("id", emailId).query(Queued.class).optional().filter(queued -> !queued.status().equals("sent"))
                .map(queued -> new ToSend(queued, schools.branding(queued.schoolId()))).orElse(null));
        if (toSend == null) {
            return;
        }
        Queued email = toSend.email();
        Branding school = toSend.school();
        Map<String, Object> model = json.readValue(email.model(), new TypeReference<Map<String, Object>>() { });
        RenderedEmail rendered = renderer.render(EmailTemplate.of(email.template()), school, model);
        String fromName = sender.getPersonal() != null ? school.name() : null;
        try {
            Delivered delivered = mail.send(new OutgoingEmail(emailId, sender.getAddress(), fromName, email.recipient(),
                    rendered.subject(), rendered.html(), rendered.text()));
            record(emailId, rendered, "sent", delivered, null);
        } catch (DeliveryRefused e) {
            record(emailId, rendered, "failed", null, e.getMessage());
        } catch (DeliveryFailed e) {
            record(emailId, rendered, "queued", null, e.getMessage());
            throw e;
        }
    }

    private void record(UUID emailId, RenderedEmail rendered, String outcome, Delivered delivered, String error) {
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        update email_log set status = :status, subject = :subject, body_text = :text, body_html = :html,
                               provider = :provider, provider_message_id = :message, error = :error,
                               attempts = attempts + 1, sent_at = case when :status = 'sent' then now() end
                         where id = :id""")
                .param("id", emailId).param("status", outcome).param("subject", rendered.subject())
                .param("text", rendered.text()).param("html", rendered.html())
                .param("provider", delivered == null ? null : delivered.provider())
                .param("message", delivered == null ? null : delivered.messageId())
                .param("error", error)
                .update());
    }
}
