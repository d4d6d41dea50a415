package academy.cedarheights.identity;

import java.time.Duration;
import java.util.Map;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.EmailAddresses;
import academy.cedarheights.schools.SchoolAddresses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords of built-in accounts: a one-time link, valid for an hour, sent to the address stored on the
 * account — never to the one typed, which only finds the account. Asking never tells whether the email has an
 * account. Using the link proves the address and ends every session of the account (whoever knew the old password
 * is signed out everywhere).
 */
@Service
@Transactional
public class PasswordResets {

    static final Duration VALID_FOR = Duration.ofHours(1);
    private final Accounts accounts;
    private final AccountLinks links;
    private final Sessions sessions;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final SchoolAddresses addresses;

    PasswordResets(Accounts accounts, AccountLinks links, Sessions sessions, Notifications notifications,
                   AuditTrail audit, SchoolAddresses addresses) {
        this.accounts = accounts;
        this.links = links;
        this.sessions = sessions;
        this.notifications = notifications;
        this.audit = audit;
        this.addresses = addresses;
    }

    /** Emails a reset link when the address has an account of the school; does the same amount of nothing otherwise. */
    public void request(CurrentSchool school, String typedEmail) {
        EmailAddresses.normalised(typedEmail).flatMap(email -> accounts.find(school.id(), email)).ifPresent(account -> {
            String token = links.issue(school.id(), account.id(), AccountLinks.Purpose.PASSWORD_RESET, VALID_FOR);
            notifications.email(school.id(), account.email(),
                    new Email.PasswordReset(addresses.link(school.id(), "/reset-password?token=" + token), VALID_FOR.toMinutes()));
        });
    }

    /** Sets the new password; a token that is unknown, used or past its hour is refused, naming {@code token}. */
    public void reset(CurrentSchool school, String token, String newPassword) {
        AccountLinks.Holder holder = links.spend(school.id(), token, AccountLinks.Purpose.PASSWORD_RESET);
        // a refused password throws, and the transaction's rollback leaves the link unspent for a second try
        PasswordPolicy.check("password", newPassword, holder.email());
        accounts.changePassword(school.id(), holder.accountId(), newPassword);
        accounts.markVerified(school.id(), holder.accountId());
        sessions.endEverywhere(school.slug(), holder.accountId().toString());
        audit.record(school.id(), holder.email(), "password.reset", "account", holder.accountId().toString(), Map.of());
    }
}
