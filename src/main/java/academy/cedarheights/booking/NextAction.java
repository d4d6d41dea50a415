package academy.cedarheights.booking;

/**
 * What the parent must do for a booking to go on, with where: {@code add_payment_method} for a hold without one,
 * {@code replace_payment_method} for an active booking whose payment failed.
 */
public record NextAction(String type, String url) {
}
