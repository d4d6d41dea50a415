package academy.cedarheights.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param schoolSignup            whether anyone may create a school with {@code /auth/signup-school} ({@code APP_SCHOOL_SIGNUP})
 * @param attemptsPerAddress      requests to {@code /auth/**} allowed per client address per {@code addressWindow}
 * @param addressWindow           the window of {@code attemptsPerAddress}
 * @param attemptsPerAccount      sign-in attempts allowed per account per {@code accountWindow}
 * @param accountWindow           the window of {@code attemptsPerAccount}
 * @param signingKeyRefetchInterval at most one refetch of Supabase's keys per this interval for unknown key ids
 */
@ConfigurationProperties("app")
record IdentityProperties(
        @DefaultValue("true") boolean schoolSignup,
        @DefaultValue("60") int attemptsPerAddress,
        @DefaultValue("1m") Duration addressWindow,
        @DefaultValue("10") int attemptsPerAccount,
        @DefaultValue("15m") Duration accountWindow,
        @DefaultValue("30s") Duration signingKeyRefetchInterval) {
}
