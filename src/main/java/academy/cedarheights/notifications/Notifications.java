package academy.cedarheights.notifications;

import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.delivery.MailDelivery;
import academy.cedarheights.platform.jobs.Jobs;
import academy.cedarheights.schools.SchoolAddresses;
import academy.cedarheights.schools.Schools;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every module sends email and text messages. Called inside the caller's transaction, the email is
 * logged as {@code queued} and its delivery job scheduled in that transaction: both exist only if the
 * change that caused them commits. Delivery itself (render, send, log) happens in the background.
 */
@Service
@Transactional
public class Notifications {

    private final JdbcClient jdbc;
    private final Jobs jobs;
    private final OneTimeTask<EmailJob> sendEmail;
    private final OneTimeTask<TextJob> sendText;
    private final ObjectProvider<academy.cedarheights.notifications.delivery.TextDelivery> texts;
    private final JsonMapper json;
    private final Schools schools;
    private final SchoolAddresses addresses;
    private final MailDelivery mail;
    private final TextOptOuts optOuts;

    Notifications(JdbcClient jdbc, Jobs jobs, OneTimeTask<EmailJob> sendEmail, OneTimeTask<TextJob> sendText,
                  ObjectProvider<academy.cedarheights.notifications.delivery.TextDelivery> texts, JsonMapper json,
                  Schools schools, SchoolAddresses addresses, MailDelivery mail, TextOptOuts optOuts) {
        this.optOuts = optOuts;
        this.mail = mail;
        this.schools = schools;
        this.addresses = addresses;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.sendEmail = sendEmail;
        this.sendText = sendText;
        this.texts = texts;
        this.json = json;
    }

    /**
     * Whether emails stay in the local outbox (no provider configured): then the email log, and the server's log, are
     * where a person finds their links.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean deliveredToLocalOutbox() {
        return mail.deliversToEmailLog();
    }

    /**
     * Queues {@code email} for {@code recipient}.
     *
     * @return the email-log id
     * @throws IllegalArgumentException when the email lacks a component it needs or carries a link that is not absolute
     */
    public UUID email(UUID schoolId, String recipient, Email email) {
        Map<String, Object> model = EmailModel.of(email);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into email_log (school_id, id, recipient, template, model)
                        values (:school, :id, :recipient, :template, cast(:model as jsonb))""")
                .param("school", schoolId).param("id", id).param("recipient", recipient)
                .param("template", email.template().key()).param("model", json.writeValueAsString(model))
                .update();
        jobs.schedule(sendEmail, id.toString(), new EmailJob(schoolId, id));
        return id;
    }

    /**
     * Tells every admin of the school that something needs their attention ({@code admin_alert}).
     *
     * @param consolePath where in the admin console to look, or null
     */
    public void alertAdmins(UUID schoolId, String title, String detail, String consolePath) {
        Email alert = new Email.AdminAlert(title, detail, consolePath == null ? null : addresses.link(schoolId, consolePath));
        schools.adminEmails(schoolId).forEach(admin -> email(schoolId, admin, alert));
    }

    /** Whether text messages can be sent at all (Twilio is configured). */
    public boolean textsEnabled() {
        return texts.getIfAvailable() != null;
    }

    /**
     * Queues a text message, if texts are enabled; returns its log id, or null when they are not. A phone that replied
     * STOP gets none: the text is logged as withheld, so the school sees why it did not go.
     */
    public UUID text(UUID schoolId, String phone, String body) {
        if (!textsEnabled()) {
            return null;
        }
        UUID id = UUID.randomUUID();
        boolean stopped = optOuts.stopped(phone);
        jdbc.sql("""
                        insert into text_messages (school_id, id, recipient, body, status, error)
                        values (:school, :id, :recipient, :body, :status, :error)""")
                .param("school", schoolId).param("id", id).param("recipient", phone).param("body", body)
                .param("status", stopped ? "withheld" : "queued").param("error", stopped ? TextSending.STOPPED : null)
                .update();
        if (!stopped) {
            jobs.schedule(sendText, id.toString(), new TextJob(schoolId, id));
        }
        return id;
    }
}
