package academy.cedarheights.platform;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

import jakarta.validation.constraints.PositiveOrZero;

/** An amount of money in the currency's minor unit (cents), never a floating-point number. */
public record Money(@PositiveOrZero long amount, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + currency);
        }
    }

    public static Money of(long cents, String currency) {
        return new Money(cents, currency);
    }

    /** As a Canadian reads it in a sentence: "$280.00" (another currency with its symbol or code). */
    public String shown() {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.CANADA);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(amount / 100.0);
    }
}
