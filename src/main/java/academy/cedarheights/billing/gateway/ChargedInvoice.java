package academy.cedarheights.billing.gateway;

/**
 * An invoice for a term's lessons, charged: paid at once (a card), or {@code processing} — a pre-authorised debit
 * takes days, then succeeds or fails (the provider's events say which).
 */
public record ChargedInvoice(String id, boolean processing) {

    public static ChargedInvoice paid(String id) {
        return new ChargedInvoice(id, false);
    }
}
