package academy.cedarheights.billing.gateway;

/**
 * What a charge made at the provider — a subscription or an invoice — and whether its payment is still
 * {@code processing}: a card pays at once, a pre-authorised debit takes days before it succeeds or fails (the
 * provider's events say which).
 */
public record Charged(String id, boolean processing) {

    public static Charged paid(String id) {
        return new Charged(id, false);
    }
}
