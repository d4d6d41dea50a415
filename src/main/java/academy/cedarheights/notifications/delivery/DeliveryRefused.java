package academy.cedarheights.notifications.delivery;

/** The provider refused this message for good (an invalid address): retrying cannot help. */
public class DeliveryRefused extends RuntimeException {

    public DeliveryRefused(String reason) {
        super(reason);
    }
}
