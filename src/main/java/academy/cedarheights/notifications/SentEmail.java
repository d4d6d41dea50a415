package academy.cedarheights.notifications;

import java.time.Instant;
import java.util.UUID;

/** One email of the log: which template, to whom, and how its delivery went. */
public record SentEmail(UUID id, String recipient, String template, String subject, String status, String error,
                        Instant createdAt, Instant sentAt) {
}
