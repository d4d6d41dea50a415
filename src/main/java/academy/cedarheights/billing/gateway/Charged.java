package academy.cedarheights.billing.gateway;

import academy.cedarheights.platform.Money;

/**
 * What a charge made at the provider — a subscription or an invoice — and whether its payment is still
 * {@code processing}: a card pays at once, a pre-authorised debit takes days before it succeeds or fails (the
 * provider's events say which).
 */
public record Charged(String id, boolean processing, String invoiceId, Money invoiced) {

    /**
     * @param invoiceId the invoice that charged it (a subscription's first); null when a retry found the charge made
     *                  before, whose invoice the provider's events report
     * @param invoiced  what that invoice asked for (a subscription's first month is prorated); null when unknown
     */
    public Charged {
    }

    /** An invoice paid at once: the charge is the invoice. */
    public static Charged invoicePaid(String invoiceId, Money invoiced) {
        return new Charged(invoiceId, false, invoiceId, invoiced);
    }

    /** A charge a retry found made by an earlier run; what its invoice asked is for the provider's events to tell. */
    public static Charged madeBefore(String id) {
        return new Charged(id, false, null, null);
    }
}
