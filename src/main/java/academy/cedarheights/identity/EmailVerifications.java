package academy.cedarheights.identity;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.TooManyRequests;
import academy.cedarheights.schools.SchoolAddresses;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proving a built-in account's address: a single-use link, valid for a day, sent to the address at sign-up and again
 * on request (a few times an hour). Opening it marks the address proven and links the family record the school may
 * have made for it ({@link EmailVerified}).
 */
@Service
@Transactional
class EmailVerifications {

    static final Duration VALID_FOR = Duration.ofHours(24);
    static final int RESENDS_PER_WINDOW = 3;
    static final Duration RESEND_WINDOW = Duration.ofMinutes(15);
    private final Accounts accounts;
    private final AccountLinks links;
    private final RateLimiter limiter;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final SchoolAddresses addresses;
    private final ApplicationEventPublisher events;

    EmailVerifications(Accounts accounts, AccountLinks links, RateLimiter limiter, Notifications notifications,
                       AuditTrail audit, SchoolAddresses addresses, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.links = links;
        this.limiter = limiter;
        this.notifications = notifications;
        this.audit = audit;
        this.addresses = addresses;
        this.events = events;
    }

    void send(UUID school, UUID account, String email) {
        String token = links.issue(school, account, AccountLinks.Purpose.VERIFY_EMAIL, VALID_FOR);
        notifications.email(school, email,
                new Email.VerifyEmail(addresses.link(school, "/verify-email?token=" + token), VALID_FOR.toHours()));
    }

    /** Sends the link again to the account's own address, unless it is proven already; a few times a window. */
    @Transactional(noRollbackFor = TooManyRequests.class)
    void resend(CurrentSchool school, Caller caller) {
        if (caller.emailVerified()) {
            return;
        }
        Accounts.Account account = accounts.byId(school.id(), UUID.fromString(caller.subject()))
                .orElseThrow(() -> new TokenRejected("This account no longer exists."));
        if (account.emailVerified()) {
            return;
        }
        limiter.hit("verify:" + account.id(), RESENDS_PER_WINDOW, RESEND_WINDOW).ifPresent(wait -> {
            throw new TooManyRequests("We sent the link a few times already; try again in a few minutes.", wait);
        });
        send(school.id(), account.id(), account.email());
    }

    /** Spends the link and marks the address proven; a used, unknown or expired token is refused naming {@code token}. */
    AccountLinks.Holder verify(CurrentSchool school, String token) {
        AccountLinks.Holder holder = links.spend(school.id(), token, AccountLinks.Purpose.VERIFY_EMAIL);
        accounts.markVerified(school.id(), holder.accountId());
        events.publishEvent(new EmailVerified(school.id(), holder.accountId().toString(), holder.email()));
        audit.record(school.id(), holder.email(), "email.verified", "account", holder.accountId().toString(), Map.of());
        return holder;
    }
}
