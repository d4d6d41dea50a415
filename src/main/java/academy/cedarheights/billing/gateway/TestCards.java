package academy.cedarheights.billing.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The card numbers the simulated provider takes, as Stripe's test mode does: {@code 4242 4242 4242 4242} is charged
 * normally, {@code 4000 0000 0000 0002} is attached but every charge on it is declined, {@code 4000 0000 0000 0341}
 * is attached and its first charge succeeds while later ones fail. Each card added is a payment method of its own,
 * {@code pm_sim_<checkout>_<last 4>}, as each card added at Stripe is.
 */
public final class TestCards {

    public static final String DEFAULT_NUMBER = "4242 4242 4242 4242";
    static final String DECLINED = "the card was declined (card_declined)";

    private static final Map<String, String> LAST4_OF_NUMBER = Map.of(
            "4242424242424242", "4242",
            "4000000000000002", "0002",
            "4000000000000341", "0341");

    private TestCards() {
    }

    /** The payment method a typed test number becomes on that checkout; empty for any other number. */
    public static Optional<String> methodOf(UUID checkout, String typedNumber) {
        String digits = typedNumber == null ? "" : typedNumber.replaceAll("[\\s-]", "");
        return Optional.ofNullable(LAST4_OF_NUMBER.get(digits))
                .map(last4 -> "pm_sim_" + checkout.toString().replace("-", "") + "_" + last4);
    }

    /** The last four digits of a test card; null for a method this provider did not make. */
    static String last4(String paymentMethodId) {
        return paymentMethodId.matches("pm_sim_.*_[0-9]{4}") ? paymentMethodId.substring(paymentMethodId.length() - 4) : null;
    }

    /** Whether the card's charges must be counted: it declines only after its first. */
    static boolean declinesAfterFirst(String paymentMethodId) {
        return paymentMethodId.endsWith("_0341");
    }

    /** Whether a charge on the card is declined: always for 0002; for 0341, every one after its first. */
    static boolean declines(String paymentMethodId, boolean firstCharge) {
        return paymentMethodId.endsWith("_0002") || paymentMethodId.endsWith("_0341") && !firstCharge;
    }
}
