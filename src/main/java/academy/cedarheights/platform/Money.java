package academy.cedarheights.platform;

import java.util.Objects;

/** An amount of money in the currency's minor unit (cents), never a floating-point number. */
public record Money(long amount, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was " + currency);
        }
    }

    public static Money of(long cents, String currency) {
        return new Money(cents, currency);
    }

    public Money times(int count) {
        return new Money(Math.multiplyExact(amount, count), currency);
    }
}
