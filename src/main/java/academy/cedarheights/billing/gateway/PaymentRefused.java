package academy.cedarheights.billing.gateway;

/** The provider said no for good: a declined card, an invalid request. Not retried; the family is told. */
public class PaymentRefused extends RuntimeException {

    public PaymentRefused(String reason, Throwable cause) {
        super(reason, cause);
    }
}
