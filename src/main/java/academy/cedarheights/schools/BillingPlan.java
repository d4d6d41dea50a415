package academy.cedarheights.schools;

import java.util.Locale;
import java.util.Optional;

import academy.cedarheights.platform.LowerCaseNamed;

/**
 * How a family pays for a weekly slot: by the month (a subscription), or the term's lessons up front — to the end of
 * the semester, or for a year. Written {@code monthly}, {@code semester}, {@code yearly} in the database and the API.
 */
public enum BillingPlan implements LowerCaseNamed {
    MONTHLY, SEMESTER, YEARLY;

    /** As a page shows it. */
    @Override
    public String toString() {
        return key();
    }

    /** The plan's name in a sentence's first word, as the plan choices show it: "Monthly". */
    public String label() {
        return key().substring(0, 1).toUpperCase(Locale.ROOT) + key().substring(1);
    }

    /** The plan a form or a query names; empty for anything else. */
    public static Optional<BillingPlan> of(String key) {
        return LowerCaseNamed.named(BillingPlan.class, key);
    }
}
