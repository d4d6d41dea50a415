package academy.cedarheights.booking;

/** What the parent must do for a booking to go on: today only {@code add_payment_method}, with where. */
public record NextAction(String type, String url) {
}
