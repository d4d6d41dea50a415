package academy.cedarheights.notifications.delivery;

/** The provider took the message: who, and under which id they know it. */
public record Delivered(String provider, String messageId) {
}
