package academy.cedarheights.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as people type them in forms ("42.50", "42") and as the domain keeps them (integer cents). */
public final class Amounts {

    private Amounts() {
    }

    /** The cents of a typed amount; null when it is not a non-negative amount with at most two decimals. */
    public static Long cents(String typed) {
        if (typed == null || !typed.trim().matches("\\d{1,9}([.,]\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(typed.trim().replace(',', '.')).movePointRight(2).setScale(0, RoundingMode.UNNECESSARY)
                .longValueExact();
    }

    public static String typed(long cents) {
        return BigDecimal.valueOf(cents).movePointLeft(2).toPlainString();
    }
}
