package academy.cedarheights.notifications.delivery;

/** The port emails leave through: Mailjet, SMTP or the local outbox, chosen by configuration. */
public interface MailDelivery {

    /**
     * @throws DeliveryRefused when the provider refuses the message for good
     * @throws DeliveryFailed  when it may succeed later
     */
    Delivered send(OutgoingEmail email);

    /**
     * Whether the email log is where the email is delivered (the offline outbox): then it must keep the email whole,
     * one-time links included; a real provider's copy in the log has them removed.
     */
    default boolean deliversToEmailLog() {
        return false;
    }

    /**
     * Asks the provider to forget what it keeps of an address (an erased family): its contact and message history.
     * Nothing to do where the provider keeps nothing of ours (SMTP: the server's logs are its operator's; the outbox:
     * the email log is erased with the family).
     *
     * @throws DeliveryFailed when it may succeed later
     */
    default void forget(String address) {
    }
}
