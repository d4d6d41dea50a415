package academy.cedarheights.notifications;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.notifications.delivery.Delivered;
import academy.cedarheights.notifications.delivery.DeliveryFailed;
import academy.cedarheights.notifications.delivery.DeliveryRefused;
import academy.cedarheights.notifications.delivery.TextDelivery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one logged text message. Twilio has no idempotency key and a 500 or a timeout may come after it took the
 * text, so each attempt is counted in the log, and a retry first asks Twilio whether the text went; a sent text is
 * never sent again.
 */
@Component
class TextSending {

    static final String STOPPED = "The number replied STOP: no text goes to it until it replies START.";
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<TextDelivery> texts;
    private final TextOptOuts optOuts;

    TextSending(JdbcClient jdbc, TransactionTemplate transaction, ObjectProvider<TextDelivery> texts,
                TextOptOuts optOuts) {
        this.optOuts = optOuts;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.texts = texts;
    }

    private record Queued(String recipient, String body, String status, int attempts, OffsetDateTime createdAt) {
    }

    void deliver(UUID textId) {
        Queued text = transaction.execute(status -> jdbc.sql(
                "select recipient, body, status, attempts, created_at from text_messages where id = :id")
                .param("id", textId).query(Queued.class).optional().orElse(null));
        TextDelivery delivery = texts.getIfAvailable();
        if (text == null || !text.status().equals("queued") || delivery == null) {
            return;
        }
        if (Boolean.TRUE.equals(transaction.execute(status -> optOuts.stopped(text.recipient())))) {
            transaction.executeWithoutResult(status -> jdbc.sql("""
                            update text_messages set status = 'withheld', error = :error where id = :id""")
                    .param("id", textId).param("error", STOPPED).update());
            return;
        }
        try {
            Delivered delivered = (text.attempts() == 0 ? Optional.<Delivered>empty()
                    : delivery.sentSince(text.recipient(), text.body(), text.createdAt().toInstant()))
                    .orElseGet(() -> delivery.send(text.recipient(), text.body()));
            record(textId, "sent", delivered.messageId(), null);
        } catch (DeliveryRefused e) {
            record(textId, "failed", null, e.getMessage());
        } catch (DeliveryFailed e) {
            record(textId, "queued", null, e.getMessage());
            throw e;
        }
    }

    private void record(UUID textId, String outcome, String messageId, String error) {
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        update text_messages set status = :status, provider = case when :status = 'sent' then 'twilio' end,
                               provider_message_id = :message, error = :error, attempts = attempts + 1,
                               sent_at = case when :status = 'sent' then now() end
                         where id = :id""")
                .param("id", textId).param("status", outcome).param("message", messageId).param("error", error)
                .update());
    }
}
