package academy.cedarheights.notifications.delivery;

/** The port emails leave through: Mailjet, SMTP or the local outbox, chosen by configuration. */
public interface MailDelivery {

    /**
     * @throws DeliveryRefused when the provider refuses the message for good
     * @throws DeliveryFailed  when it may succeed later
     */
    Delivered send(OutgoingEmail email);
}
