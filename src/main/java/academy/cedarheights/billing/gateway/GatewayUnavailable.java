package academy.cedarheights.billing.gateway;

/** The provider could not answer this time (network, 429, 5xx): the job retries with backoff. */
public class GatewayUnavailable extends RuntimeException {

    public GatewayUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
