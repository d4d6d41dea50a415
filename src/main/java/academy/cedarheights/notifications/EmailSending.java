package academy.cedarheights.notifications;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.delivery.Delivered;
import academy.cedarheights.notifications.delivery.DeliveryFailed;
import academy.cedarheights.notifications.delivery.DeliveryProperties;
import academy.cedarheights.notifications.delivery.DeliveryRefused;
import academy.cedarheights.notifications.delivery.MailDelivery;
import academy.cedarheights.notifications.delivery.OutgoingEmail;
import academy.cedarheights.platform.security.UnsubscribeLinks;
import academy.cedarheights.schools.Branding;
import academy.cedarheights.schools.SchoolAddresses;
import academy.cedarheights.schools.Schools;
import jakarta.mail.internet.InternetAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;
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
    private final SchoolAddresses addresses;
    private final UnsubscribeLinks unsubscribes;

    EmailSending(JdbcClient jdbc, TransactionTemplate transaction, EmailRenderer renderer, MailDelivery mail,
                 Schools schools, DeliveryProperties properties, JsonMapper json, SchoolAddresses addresses,
                 UnsubscribeLinks unsubscribes) {
        this.unsubscribes = unsubscribes;
        this.addresses = addresses;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.renderer = renderer;
        this.mail = mail;
        this.schools = schools;
        this.sender = OutgoingEmail.sender(properties.mailFrom());
        this.json = json;
    }

    static final String REMOVED = "[one-time link removed from the log]";

    /**
     * RFC 8058's one-click unsubscribe: the link a mail client posts to by itself, and the school's address to write to
     * instead (RFC 2369), for a client that only knows mailto.
     */
    static Map<String, String> oneClick(String unsubscribe, String contactEmail) {
        String mailto = contactEmail == null ? "" : ", <mailto:" + contactEmail + "?subject=unsubscribe>";
        return Map.of("List-Unsubscribe", "<" + unsubscribe + ">" + mailto,
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    private record Queued(UUID schoolId, String recipient, String template, String model, String status) {
    }

    private record ToSend(Queued email, Branding school, String baseUrl) {
    }

    void deliver(UUID emailId) {
        ToSend toSend = transaction.execute(status -> jdbc.sql(
                        "select school_id, recipient, template, model::text as model, status from email_log where id = :id")
                .param("id", emailId).query(Queued.class).optional().filter(queued -> !queued.status().equals("sent"))
                .map(queued -> new ToSend(queued, schools.branding(queued.schoolId()),
                        addresses.baseUrl(queued.schoolId()).toString())).orElse(null));
        if (toSend == null) {
            return;
        }
        Queued email = toSend.email();
        Branding school = toSend.school();
        Map<String, Object> model = json.readValue(email.model(), new TypeReference<Map<String, Object>>() { });
        // every email says where the school's privacy notice is (CASL's identification, PIPEDA's openness)
        model.put(EmailRenderer.PRIVACY_URL, toSend.baseUrl() + "/privacy");
        EmailTemplate template = EmailTemplate.of(email.template());
        Map<String, String> headers = Map.of();
        if (template.unsubscribes() != null) {
            String unsubscribe = toSend.baseUrl() + "/unsubscribe/"
                    + unsubscribes.token(email.schoolId(), email.recipient(), template.unsubscribes());
            model.put(EmailRenderer.UNSUBSCRIBE_URL, unsubscribe);
            headers = oneClick(unsubscribe, school.contactEmail());
        }
        RenderedEmail rendered = renderer.render(template, school, model);
        String fromName = sender.getPersonal() != null ? school.name() : null;
        List<String> secrets = mail.deliversToEmailLog() ? List.of() : template.secretLinks().stream()
                .map(key -> String.valueOf(model.get(key))).toList();
        RenderedEmail logged = redacted(rendered, secrets);
        try {
            Delivered delivered = mail.send(new OutgoingEmail(emailId, sender.getAddress(), fromName, email.recipient(),
                    rendered.subject(), rendered.html(), rendered.text(), headers));
            record(emailId, email.recipient(), logged, "sent", delivered, null, template);
        } catch (DeliveryRefused e) {
            record(emailId, email.recipient(), logged, "failed", null, e.getMessage(), template);
        } catch (DeliveryFailed e) {
            record(emailId, email.recipient(), logged, "queued", null, e.getMessage(), template);
            throw e;
        }
    }

    /**
     * What the log keeps of an email delivered by a real provider: the one-time links (a password reset, a
     * verification, an invitation) replaced, so that reading the log — an admin, a backup — never lets anyone act as
     * the recipient. The outbox is the recipient's mailbox, so it keeps them.
     */
    private static RenderedEmail redacted(RenderedEmail rendered, List<String> secrets) {
        String html = rendered.html();
        String text = rendered.text();
        for (String secret : secrets) {
            html = html.replace(HtmlUtils.htmlEscape(secret), REMOVED).replace(secret, REMOVED);
            text = text.replace(secret, REMOVED);
        }
        return new RenderedEmail(rendered.subject(), html, text);
    }

    /**
     * Writes what became of the email — unless its recipient was erased while it was on its way: the log then keeps
     * the erasure's anonymous row, not the words just sent.
     */
    private void record(UUID emailId, String recipient, RenderedEmail rendered, String outcome, Delivered delivered,
                        String error, EmailTemplate template) {
        // once the email will not be sent again, the model needs its one-time links no more either
        List<String> forget = outcome.equals("queued") || mail.deliversToEmailLog() ? List.of() : template.secretLinks();
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        update email_log set status = :status, subject = :subject, body_text = :text, body_html = :html,
                               provider = :provider, provider_message_id = :message, error = :error,
                               model = model - cast(:forget as text[]),
                               attempts = attempts + 1, sent_at = case when :status = 'sent' then now() end
                         where id = :id and recipient = :recipient""")
                .param("id", emailId).param("recipient", recipient).param("status", outcome).param("subject", rendered.subject())
                .param("text", rendered.text()).param("html", rendered.html())
                .param("provider", delivered == null ? null : delivered.provider())
                .param("message", delivered == null ? null : delivered.messageId())
                .param("error", error)
                .param("forget", forget.toArray(String[]::new))
                .update());
    }
}
