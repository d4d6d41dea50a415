package academy.cedarheights.notifications.delivery;

/** The message could not be handed over this time (network, 429, 5xx, credentials): retry later. */
public class DeliveryFailed extends RuntimeException {

    public DeliveryFailed(String reason, Throwable cause) {
        super(reason, cause);
    }
}
