package academy.cedarheights.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param schoolSignup            whether anyone may create a school with {@code /auth/signup-school} ({@code APP_SCHOOL_SIGNUP});
 *                                unset: yes on the embedded (demo) database, no with {@code DATABASE_URL}
 * @param attemptsPerAddress      requests to {@code /auth/**} allowed per client address per {@code addressWindow}
 * @param addressWindow           the window of {@code attemptsPerAddress}
 * @param attemptsPerAccount      sign-in attempts allowed per account per {@code accountWindow}
 * @param accountWindow           the window of {@code attemptsPerAccount}
 * @param signingKeyRefetchInterval at most one refetch of Supabase's keys per this interval for unknown key ids
 * @param sessionMaxAge           how long after signing in a session may still be refreshed ({@code APP_SESSION_MAX_AGE})
 */
@ConfigurationProperties("app")
record IdentityProperties(
        Boolean schoolSignup,
        @DefaultValue("60") int attemptsPerAddress,
        @DefaultValue("1m") Duration addressWindow,
        @DefaultValue("10") int attemptsPerAccount,
        @DefaultValue("15m") Duration accountWindow,
        @DefaultValue("30s") Duration signingKeyRefetchInterval,
        @DefaultValue("30d") Duration sessionMaxAge) {

    /** Whether school sign-up is open: as configured, else only on the embedded (demo) database. */
    boolean schoolSignupOpen(boolean embeddedDatabase) {
        return schoolSignup != null ? schoolSignup : embeddedDatabase;
    }
}
