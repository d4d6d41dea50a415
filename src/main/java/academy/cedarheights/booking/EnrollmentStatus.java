package academy.cedarheights.booking;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an enrollment stands: held while billing is set up ({@code provisional}), taught and billed ({@code active}),
 * or ended — by the family or the school ({@code cancelled}) or because the hold ran out ({@code expired}). Written in
 * lower case in the database, the API and the pages.
 */
public enum EnrollmentStatus {
    PROVISIONAL, ACTIVE, CANCELLED, EXPIRED;

    /** Whether the enrollment holds its slot (the database's {@code enrollment_holds_slot}). */
    public boolean holdsSlot() {
        return this == PROVISIONAL || this == ACTIVE;
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As a page shows it. */
    @Override
    public String toString() {
        return key();
    }

    /** The status a query or a form names; empty for anything else. */
    public static Optional<EnrollmentStatus> of(String key) {
        for (EnrollmentStatus status : values()) {
            if (status.key().equals(key)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
