package academy.cedarheights.notifications.delivery;

import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** One rendered email for one recipient; {@code id} is our email-log id, sent along as the provider's custom id. */
public record OutgoingEmail(UUID id, String fromAddress, String fromName, String to, String subject, String html,
                            String text, Map<String, String> headers) {

    /** Splits {@code MAIL_FROM} ({@code "Name <address>"} or a bare address) into address and name. */
    public static InternetAddress sender(String mailFrom) {
        try {
            return new InternetAddress(mailFrom, true);
        } catch (AddressException e) {
            throw new IllegalStateException("MAIL_FROM is not an email address: " + mailFrom, e);
        }
    }
}
