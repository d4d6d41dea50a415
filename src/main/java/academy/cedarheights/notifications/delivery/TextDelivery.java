package academy.cedarheights.notifications.delivery;

import java.time.Instant;
import java.util.Optional;

/** The port text messages leave through (Twilio), present only when it is configured. */
public interface TextDelivery {

    /** @param to an E.164 phone number */
    Delivered send(String to, String body);

    /**
     * The message, if the provider took it since {@code since} although the attempt that sent it failed (a 500 or a
     * timeout after the provider's work): asked before a retry, so that a retry does not send it twice.
     */
    Optional<Delivered> sentSince(String to, String body, Instant since);
}
