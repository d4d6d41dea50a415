package academy.cedarheights.identity;

import java.util.Locale;
import java.util.UUID;

import academy.cedarheights.platform.web.TooManyRequests;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: every request to {@code /auth/**} counts against its client address,
 * every sign-in attempt against its account. Counted in transactions of their own, so a refused
 * sign-in still counts.
 */
@Component
class SignInLimits {

    private final RateLimiter limiter;
    private final IdentityProperties properties;

    SignInLimits(RateLimiter limiter, IdentityProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = TooManyRequests.class)
    public void countAddress(String address) {
        limiter.hit("address:" + address, properties.attemptsPerAddress(), properties.addressWindow())
                .ifPresent(wait -> {
                    throw new TooManyRequests("Too many requests from your address; try again later.", wait);
                });
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = TooManyRequests.class)
    public void countAccount(UUID schoolId, String email) {
        limiter.hit("account:" + schoolId + ":" + email.toLowerCase(Locale.ROOT), properties.attemptsPerAccount(),
                        properties.accountWindow())
                .ifPresent(wait -> {
                    throw new TooManyRequests("Too many sign-in attempts for this account; try again later.", wait);
                });
    }
}
