package academy.cedarheights.booking;

import java.util.Optional;

import academy.cedarheights.platform.LowerCaseNamed;

/**
 * Where an enrollment stands: held while billing is set up ({@code provisional}), taught and billed ({@code active}),
 * or ended — by the family or the school ({@code cancelled}) or because the hold ran out ({@code expired}), or its paid term was over and not renewed ({@code ended}). Written in
 * lower case in the database, the API and the pages.
 */
public enum EnrollmentStatus implements LowerCaseNamed {
    PROVISIONAL, ACTIVE, CANCELLED, EXPIRED, ENDED;

    /** Whether the enrollment holds its slot (the database's {@code current_enrollments}). */
    public boolean holdsSlot() {
        return this == PROVISIONAL || this == ACTIVE;
    }

    /** As a page shows it. */
    @Override
    public String toString() {
        return key();
    }

    /** The status a query or a form names; empty for anything else. */
    public static Optional<EnrollmentStatus> of(String key) {
        return LowerCaseNamed.named(EnrollmentStatus.class, key);
    }
}
