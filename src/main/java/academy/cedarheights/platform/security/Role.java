package academy.cedarheights.platform.security;

import java.util.Locale;

/** What a signed-in person may do in their school. Derived at every sign-in, never stored. */
public enum Role {
    ADMIN, TEACHER, PARENT;

    /** The value in the token's {@code role} claim and in answers: {@code admin}, {@code teacher}, {@code parent}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromClaim(String claim) {
        return valueOf(claim.toUpperCase(Locale.ROOT));
    }
}
