package academy.cedarheights.billing.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a family may see of a payment method: a card's brand, last four digits and expiry, or a Canadian bank debit's
 * bank and last four.
 *
 * @param type {@code card} or {@code acss_debit}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentMethodDetails(String type, String brand, String last4, Integer expMonth, Integer expYear,
                                   String bankName) {

    public static PaymentMethodDetails card(String brand, String last4, int expMonth, int expYear) {
        return new PaymentMethodDetails("card", brand, last4, expMonth, expYear, null);
    }

    public static PaymentMethodDetails bankDebit(String bankName, String last4) {
        return new PaymentMethodDetails("acss_debit", null, last4, null, null, bankName);
    }
}
