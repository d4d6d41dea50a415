package academy.cedarheights.notifications.delivery;

/**
 * The offline default: nothing leaves the machine. The rendered email stays in the email log, where
 * admins read it like a mailbox ({@code GET /api/v1/admin/emails}).
 */
public class OutboxDelivery implements MailDelivery {

    @Override
    public Delivered send(OutgoingEmail email) {
        return new Delivered("outbox", "outbox-" + email.id());
    }
}
