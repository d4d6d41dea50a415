package academy.cedarheights.billing.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import academy.cedarheights.platform.Money;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Subscription;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceFinalizeInvoiceParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.InvoiceSearchParams;
import com.stripe.param.InvoiceVoidInvoiceParams;
import com.stripe.param.PaymentMethodListParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionSearchParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.common.EmptyParam;

/**
 * Stripe through {@code stripe-java}: the family is the customer (siblings share a card), monthly plans are
 * subscriptions anchored on the 1st of next month, semester and yearly plans one invoice charged at once.
 * Every write carries our idempotency key. Connection failures, 409, 429 and 5xx are transient; a declined
 * card and any other 4xx are final.
 */
public class StripeGateway implements PaymentGateway {

    private final StripeClient stripe;

    public StripeGateway(String secretKey, String apiBase, int networkRetries, int readTimeoutMillis) {
        this.stripe = StripeClient.builder().setApiKey(secretKey).setApiBase(apiBase)
                .setMaxNetworkRetries(networkRetries).setConnectTimeout(5_000).setReadTimeout(readTimeoutMillis).build();
    }

    @Override
    public String createProduct(UUID schoolId, String name) {
        return call(() -> stripe.v1().products().create(ProductCreateParams.builder().setName(name)
                .putMetadata("school_id", schoolId.toString()).build(), key("product-" + schoolId)).getId());
    }

    @Override
    public String createMonthlyPrice(UUID schoolId, String productId, Money amount) {
        return call(() -> stripe.v1().prices().create(PriceCreateParams.builder()
                .setProduct(productId).setCurrency(amount.currency().toLowerCase(Locale.ROOT))
                .setUnitAmount(amount.amount())
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build())
                .putMetadata("school_id", schoolId.toString()).build(),
                key("price-" + schoolId + "-monthly-" + amount.amount() + amount.currency())).getId());
    }

    @Override
    public String createCustomer(NewCustomer customer) {
        return call(() -> stripe.v1().customers().create(CustomerCreateParams.builder()
                .setEmail(customer.email()).setName(customer.name())
                .putMetadata("school_id", customer.schoolId().toString())
                .putMetadata("payee_id", customer.payeeId().toString()).build(), key(customer.idempotencyKey())).getId());
    }

    /**
     * The default card, asked of Stripe (our copy may lag its events, or name a card since removed); a card
     * attached without being made default (Checkout in setup mode) becomes it.
     */
    @Override
    public Optional<String> defaultPaymentMethod(String customerId, String onFile) {
        return call(() -> {
            Customer customer = stripe.v1().customers().retrieve(customerId);
            if (customer.getInvoiceSettings() != null && customer.getInvoiceSettings().getDefaultPaymentMethod() != null) {
                return Optional.of(customer.getInvoiceSettings().getDefaultPaymentMethod());
            }
            var cards = stripe.v1().paymentMethods().list(PaymentMethodListParams.builder().setCustomer(customerId)
                    .setType(PaymentMethodListParams.Type.CARD).build()).getData();
            if (cards.isEmpty()) {
                return Optional.<String>empty();
            }
            String card = cards.get(0).getId();
            stripe.v1().customers().update(customerId, CustomerUpdateParams.builder().setInvoiceSettings(
                    CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card).build()).build(),
                    key("default-card-" + customerId + "-" + card));
            return Optional.of(card);
        });
    }

    @Override
    public Charged subscribeMonthly(MonthlyPlan plan) {
        if (plan.retry()) {
            Optional<String> made = call(() -> stripe.v1().subscriptions().search(SubscriptionSearchParams.builder()
                    .setQuery(byEnrollment(plan.enrollmentId())).build()).getData().stream()
                    .filter(subscription -> !Set.of("canceled", "incomplete_expired").contains(subscription.getStatus()))
                    .map(Subscription::getId).findFirst());
            if (made.isPresent()) {
                return Charged.madeBefore(made.get());
            }
        }
        SubscriptionCreateParams.Builder subscription = SubscriptionCreateParams.builder()
                .setCustomer(plan.customerId()).setDefaultPaymentMethod(plan.paymentMethodId())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(plan.priceId()).build());
        if (plan.startsLater()) {
            // nothing owed before the lessons' month: a trial until its first day, billed in full from then
            subscription.setTrialEnd(plan.firstFullPeriodStarts().getEpochSecond());
        } else {
            subscription.setBillingCycleAnchor(plan.firstFullPeriodStarts().getEpochSecond())
                    .setProrationBehavior(SubscriptionCreateParams.ProrationBehavior.CREATE_PRORATIONS);
        }
        Subscription made = call(() -> stripe.v1().subscriptions().create(subscription
                .setDescription(plan.description())
                .putMetadata("school_id", plan.schoolId().toString())
                .putMetadata("enrollment_id", plan.enrollmentId().toString())
                .addExpand("latest_invoice")
                .build(), key(plan.idempotencyKey())));
        // a card pays the first (prorated) invoice at once; a pre-authorised debit leaves it open while it processes
        Invoice first = made.getLatestInvoiceObject();
        boolean processing = first != null && !"paid".equals(first.getStatus())
                && first.getAmountDue() != null && first.getAmountDue() > 0;
        return first == null ? new Charged(made.getId(), processing, null, null)
                : new Charged(made.getId(), processing, first.getId(),
                        Money.of(first.getAmountDue(), first.getCurrency().toUpperCase(Locale.ROOT)));
    }

    /** Draft invoice, its line, finalize, pay: four steps, each idempotent, so a re-run picks up where it stopped. */
    @Override
    public Charged chargeLessons(LessonCharge charge) {
        return call(() -> {
            Invoice invoice = charge.retry() ? madeBefore(charge) : null;
            if (invoice == null) {
                invoice = stripe.v1().invoices().create(InvoiceCreateParams.builder()
                        .setCustomer(charge.customerId()).setCollectionMethod(InvoiceCreateParams.CollectionMethod.CHARGE_AUTOMATICALLY)
                        .setAutoAdvance(false).setDefaultPaymentMethod(charge.paymentMethodId()).setDescription(charge.description())
                        .putMetadata("school_id", charge.schoolId().toString())
                        .putMetadata("enrollment_id", charge.enrollmentId().toString())
                        .putMetadata("charge_id", charge.chargeId().toString())
                        .build(), key(charge.idempotencyKey("create")));
            }
            if ("paid".equals(invoice.getStatus())) {
                return Charged.invoicePaid(invoice.getId(), charge.amount());
            }
            if (invoice.getStatus() == null || "draft".equals(invoice.getStatus())) {
                if (invoice.getTotal() == null || invoice.getTotal() == 0) {
                    stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(charge.customerId())
                            .setInvoice(invoice.getId()).setAmount(charge.amount().amount())
                            .setCurrency(charge.amount().currency().toLowerCase(Locale.ROOT)).setDescription(charge.description())
                            .putMetadata("enrollment_id", charge.enrollmentId().toString())
                            .build(), key(charge.idempotencyKey("item")));
                }
                stripe.v1().invoices().finalizeInvoice(invoice.getId(), InvoiceFinalizeInvoiceParams.builder().build(),
                        key(charge.idempotencyKey("finalize")));
            }
            Invoice paying = stripe.v1().invoices().pay(invoice.getId(), InvoicePayParams.builder()
                    .setPaymentMethod(charge.paymentMethodId()).build(), key(charge.idempotencyKey("pay")));
            // a card pays at once; a pre-authorised debit leaves the invoice open while its payment processes
            return new Charged(paying.getId(), !"paid".equals(paying.getStatus()), paying.getId(), charge.amount());
        });
    }

    @Override
    public void cancelSubscription(String subscriptionId, String idempotencyKey) {
        call(() -> stripe.v1().subscriptions().cancel(subscriptionId, SubscriptionCancelParams.builder().build(),
                key(idempotencyKey)));
    }

    @Override
    public void anonymiseCustomer(String customerId, String idempotencyKey) {
        call(() -> stripe.v1().customers().update(customerId, CustomerUpdateParams.builder()
                .setName(EmptyParam.EMPTY).setEmail(EmptyParam.EMPTY).setPhone(EmptyParam.EMPTY)
                .setAddress(EmptyParam.EMPTY).setShipping(EmptyParam.EMPTY).setDescription(EmptyParam.EMPTY).build(),
                key(idempotencyKey)));
    }

    /** The invoice an earlier run made for the enrollment, unless it was voided or written off. */
    private Invoice madeBefore(LessonCharge charge) throws StripeException {
        String query = charge.firstTerm() ? byEnrollment(charge.enrollmentId())
                : "metadata['charge_id']:'" + charge.chargeId() + "'";
        return stripe.v1().invoices().search(InvoiceSearchParams.builder().setQuery(query).build()).getData().stream()
                .filter(invoice -> !Set.of("void", "uncollectible").contains(invoice.getStatus()))
                // a first term's search also finds the enrollment's renewals, which carry a charge id of their own
                .filter(invoice -> !charge.firstTerm() || invoice.getMetadata() == null
                        || invoice.getMetadata().getOrDefault("charge_id", charge.chargeId().toString())
                        .equals(charge.chargeId().toString()))
                .findFirst().orElse(null);
    }

    private static String byEnrollment(UUID enrollmentId) {
        return "metadata['enrollment_id']:'" + enrollmentId + "'";
    }

    /** Each payment of the invoice (usually one) is refunded whole, under its own key. */
    @Override
    public void refundInvoice(String invoiceId, String idempotencyKey) {
        call(() -> {
            for (InvoicePayment payment : stripe.v1().invoicePayments()
                    .list(InvoicePaymentListParams.builder().setInvoice(invoiceId).build()).getData()) {
                if (payment.getPayment() != null && payment.getPayment().getPaymentIntent() != null) {
                    stripe.v1().refunds().create(RefundCreateParams.builder()
                            .setPaymentIntent(payment.getPayment().getPaymentIntent())
                            .putMetadata("invoice_id", invoiceId).build(), key(idempotencyKey + "-" + payment.getId()));
                }
            }
            return null;
        });
    }

    @Override
    public void voidInvoice(String invoiceId, String idempotencyKey) {
        call(() -> stripe.v1().invoices().voidInvoice(invoiceId, InvoiceVoidInvoiceParams.builder().build(),
                key(idempotencyKey)));
    }

    @Override
    public void pauseUntil(String subscriptionId, Instant resumesAt, String idempotencyKey) {
        call(() -> stripe.v1().subscriptions().update(subscriptionId, SubscriptionUpdateParams.builder()
                .setPauseCollection(SubscriptionUpdateParams.PauseCollection.builder()
                        .setBehavior(SubscriptionUpdateParams.PauseCollection.Behavior.VOID)
                        .setResumesAt(resumesAt.getEpochSecond()).build())
                .build(), key(idempotencyKey)));
    }

    /** Against the invoice's first payment (a term is paid at once, in one). */
    @Override
    public String refund(String invoiceId, Money amount, String idempotencyKey) {
        return call(() -> {
            for (InvoicePayment payment : stripe.v1().invoicePayments()
                    .list(InvoicePaymentListParams.builder().setInvoice(invoiceId).build()).getData()) {
                if (payment.getPayment() != null && payment.getPayment().getPaymentIntent() != null) {
                    return stripe.v1().refunds().create(RefundCreateParams.builder()
                            .setPaymentIntent(payment.getPayment().getPaymentIntent()).setAmount(amount.amount())
                            .putMetadata("invoice_id", invoiceId).build(), key(idempotencyKey)).getId();
                }
            }
            throw new PaymentRefused("the invoice " + invoiceId + " has no payment to refund", null);
        });
    }

    @Override
    public PaymentMethodDetails describe(String paymentMethodId) {
        return call(() -> {
            PaymentMethod method = stripe.v1().paymentMethods().retrieve(paymentMethodId);
            if (method.getAcssDebit() != null) {
                return PaymentMethodDetails.bankDebit(method.getAcssDebit().getBankName(), method.getAcssDebit().getLast4());
            }
            PaymentMethod.Card card = method.getCard();
            return PaymentMethodDetails.card(card.getBrand(), card.getLast4(), card.getExpMonth().intValue(),
                    card.getExpYear().intValue());
        });
    }

    /** The customer's default, then each subscription's: Stripe charges a subscription's own before the customer's. */
    @Override
    public void chargeEverythingTo(String customerId, String paymentMethodId, List<String> subscriptionIds) {
        call(() -> {
            stripe.v1().customers().update(customerId, CustomerUpdateParams.builder().setInvoiceSettings(
                            CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(paymentMethodId).build())
                    .build(), key("default-card-" + customerId + "-" + paymentMethodId));
            for (String subscription : subscriptionIds) {
                stripe.v1().subscriptions().update(subscription, SubscriptionUpdateParams.builder()
                        .setDefaultPaymentMethod(paymentMethodId).build(),
                        key("subscription-card-" + subscription + "-" + paymentMethodId));
            }
            return null;
        });
    }

    @Override
    public List<String> payOpenInvoices(String customerId, String paymentMethodId) {
        return call(() -> {
            List<String> paid = new ArrayList<>();
            for (Invoice open : stripe.v1().invoices().list(InvoiceListParams.builder().setCustomer(customerId)
                    .setStatus(InvoiceListParams.Status.OPEN).build()).getData()) {
                try {
                    stripe.v1().invoices().pay(open.getId(), InvoicePayParams.builder().setPaymentMethod(paymentMethodId)
                            .build(), key("pay-" + open.getId() + "-" + paymentMethodId));
                    paid.add(open.getId());
                } catch (CardException declined) {
                    // this invoice stays open (its payment_failed event tells the family); the others are still tried
                }
            }
            return paid;
        });
    }

    /**
     * Checkout in setup mode: a card, and — where the school offers it — a Canadian bank account with a sporadic,
     * personal pre-authorised debit mandate that covers the school's invoices and subscriptions.
     */
    @Override
    public String cardSetupUrl(CardSetup setup) {
        SessionCreateParams.Builder session = SessionCreateParams.builder()
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD);
        if (setup.bankDebit()) {
            session.addPaymentMethodType(SessionCreateParams.PaymentMethodType.ACSS_DEBIT)
                    .setPaymentMethodOptions(SessionCreateParams.PaymentMethodOptions.builder().setAcssDebit(
                            SessionCreateParams.PaymentMethodOptions.AcssDebit.builder()
                                    .setCurrency(SessionCreateParams.PaymentMethodOptions.AcssDebit.Currency.CAD)
                                    .setMandateOptions(SessionCreateParams.PaymentMethodOptions.AcssDebit.MandateOptions.builder()
                                            .setPaymentSchedule(SessionCreateParams.PaymentMethodOptions.AcssDebit.MandateOptions.PaymentSchedule.SPORADIC)
                                            .setTransactionType(SessionCreateParams.PaymentMethodOptions.AcssDebit.MandateOptions.TransactionType.PERSONAL)
                                            .addDefaultFor(SessionCreateParams.PaymentMethodOptions.AcssDebit.MandateOptions.DefaultFor.INVOICE)
                                            .addDefaultFor(SessionCreateParams.PaymentMethodOptions.AcssDebit.MandateOptions.DefaultFor.SUBSCRIPTION)
                                            .build())
                                    .build()).build());
        }
        return call(() -> stripe.v1().checkout().sessions().create(session
                .setMode(SessionCreateParams.Mode.SETUP).setCustomer(setup.customerId())
                .setSuccessUrl(setup.returnUrl() + "?card=added")
                .setCancelUrl(setup.returnUrl() + "?card=cancelled")
                .putMetadata("school_id", setup.schoolId().toString())
                .putMetadata("payee_id", setup.payeeId().toString())
                .build()).getUrl());
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(StripeCall<T> work) {
        try {
            return work.run();
        } catch (CardException e) {
            throw new PaymentRefused("the card was declined" + (e.getDeclineCode() != null ? " (" + e.getDeclineCode() + ")" : ""), e);
        } catch (ApiConnectionException | RateLimitException e) {
            throw new GatewayUnavailable("Stripe is unavailable: " + e.getMessage(), e);
        } catch (ApiException e) {
            throw new GatewayUnavailable("Stripe answered HTTP " + e.getStatusCode() + ": " + e.getMessage(), e);
        } catch (StripeException e) {
            throw new PaymentRefused("Stripe refused the request: " + e.getMessage(), e);
        }
    }
}
