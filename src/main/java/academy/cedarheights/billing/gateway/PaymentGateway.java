package academy.cedarheights.billing.gateway;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.platform.Money;

/**
 * The payment provider as billing needs it. Every write carries an idempotency key derived from our ids,
 * so running a step again creates nothing twice. Failures: {@link PaymentRefused} is final (a declined
 * card, an invalid request), {@link GatewayUnavailable} may pass (network, 429, 5xx).
 */
public interface PaymentGateway {

    /** The school's product that lesson subscriptions are priced under, created once per school. */
    String createProduct(UUID schoolId, String name);

    /** A monthly recurring price of the school's product, created once per amount. */
    String createMonthlyPrice(UUID schoolId, String productId, Money amount);

    /** The family's customer, created once. */
    String createCustomer(NewCustomer customer);

    /**
     * The customer's default card, if they have one.
     *
     * @param onFile the card our records hold for the family (mirrored from the provider's events), or null
     */
    Optional<String> defaultPaymentMethod(String customerId, String onFile);

    /** A monthly subscription whose first invoice is prorated up to the anchor (the 1st of next month). */
    Charged subscribeMonthly(MonthlyPlan plan);

    /** A one-off invoice for the remaining lessons, charged to the default card now. */
    Charged chargeLessons(LessonCharge charge);

    void cancelSubscription(String subscriptionId, String idempotencyKey);

    /**
     * Clears the customer's name, email, phone, address and description at the provider (a family erased here);
     * the customer, its metadata and its invoices stay, as the school's financial records do.
     */
    void anonymiseCustomer(String customerId, String idempotencyKey);

    /** Gives back everything paid on the invoice (a charge whose enrollment was cancelled while it was made). */
    void refundInvoice(String invoiceId, String idempotencyKey);

    /**
     * Bills nothing for the subscription's period starting before {@code resumesAt} (a month without lessons): its
     * invoice is voided, and billing resumes then.
     */
    void pauseUntil(String subscriptionId, java.time.Instant resumesAt, String idempotencyKey);

    /** Cancels an invoice still open (a renewal the family did not pay in its grace days): it can no longer be paid. */
    void voidInvoice(String invoiceId, String idempotencyKey);

    /** Gives back part of what was paid on the invoice (unused lessons of a cancelled term); the refund's id. */
    String refund(String invoiceId, Money amount, String idempotencyKey);

    /** What the family may see of a payment method of theirs. */
    PaymentMethodDetails describe(String paymentMethodId);

    /**
     * Makes the payment method the one everything of the family is charged to: the customer's default and each of
     * the subscriptions named.
     */
    void chargeEverythingTo(String customerId, String paymentMethodId, List<String> subscriptionIds);

    /** Pays the customer's open invoices (a declined month, a failed renewal) with the method now; their ids. */
    List<String> payOpenInvoices(String customerId, String paymentMethodId);

    /** Where the family adds a card (Stripe Checkout in setup mode, or the simulated page). */
    String cardSetupUrl(CardSetup setup);
}
