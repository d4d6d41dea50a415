package academy.cedarheights.schools;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a family pays for a weekly slot: by the month (a subscription), or the term's lessons up front — to the end of
 * the semester, or for a year. Written {@code monthly}, {@code semester}, {@code yearly} in the database and the API.
 */
public enum BillingPlan {
    MONTHLY, SEMESTER, YEARLY;

    /** The plan as the database, the API and a form write it. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As a page shows it. */
    @Override
    public String toString() {
        return key();
    }

    /** The plan a form or a query names; empty for anything else. */
    public static Optional<BillingPlan> of(String key) {
        for (BillingPlan plan : values()) {
            if (plan.key().equals(key)) {
                return Optional.of(plan);
            }
        }
        return Optional.empty();
    }
}
