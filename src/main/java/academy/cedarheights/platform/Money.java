package academy.cedarheights.platform;

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
}
