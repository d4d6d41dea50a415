package academy.cedarheights.notifications;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An email of the log as admins read it: its delivery and, once rendered, its content. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoggedEmail(UUID id, String recipient, String template, String subject, String status, String provider,
                          String providerMessageId, String error, int attempts, Instant createdAt, Instant sentAt,
                          String bodyText, String bodyHtml) {
}
