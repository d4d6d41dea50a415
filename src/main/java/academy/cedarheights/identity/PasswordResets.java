package academy.cedarheights.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.notifications.EmailTemplate;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.config.AppProperties;
import academy.cedarheights.platform.web.InvalidField;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords of built-in accounts: a link with a random one-time token, valid for an hour, sent to the
 * account's email. Asking never tells whether the email has an account; only the token's hash is stored; using
 * a token spends it and every other open token of the account.
 */
@Service
@Transactional
public class PasswordResets {

    static final Duration VALID_FOR = Duration.ofHours(1);
    private static final int TOKEN_BYTES = 32;
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final AppProperties app;

    PasswordResets(JdbcClient jdbc, Accounts accounts, Notifications notifications, AuditTrail audit, AppProperties app) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.notifications = notifications;
        this.audit = audit;
        this.app = app;
    }

    private record Holder(UUID accountId, String email) {
    }

    /** Emails a reset link when the address has an account of the school; does the same amount of nothing otherwise. */
    public void request(UUID school, String email) {
        Optional<UUID> account = jdbc.sql("select id from accounts where school_id = :school and email = :email")
                .param("school", school).param("email", email.trim()).query(UUID.class).optional();
        if (account.isEmpty()) {
            return;
        }
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                        insert into password_resets (school_id, token_hash, account_id, expires_at)
                        values (:school, :hash, :account, now() + cast(:valid as interval))""")
                .param("school", school).param("hash", hash(token)).param("account", account.get())
                .param("valid", VALID_FOR.toMinutes() + " minutes").update();
        notifications.email(school, EmailTemplate.PASSWORD_RESET, email.trim(), Map.of(
                "reset_url", app.link("/reset-password?token=" + token), "expires_in_minutes", VALID_FOR.toMinutes()));
    }

    /** Sets the new password; a token that is unknown, used or past its hour is refused, naming {@code token}. */
    public void reset(UUID school, String token, String newPassword) {
        Holder holder = jdbc.sql("""
                        select r.account_id, a.email::text as email
                          from password_resets r join accounts a on a.school_id = r.school_id and a.id = r.account_id
                         where r.school_id = :school and r.token_hash = :hash and r.used_at is null and r.expires_at > now()
                           for update of r""")
                .param("school", school).param("hash", hash(token == null ? "" : token)).query(Holder.class).optional()
                .orElseThrow(() -> new InvalidField("token", "this link has expired or was already used; ask for a new one"));
        PasswordPolicy.check("password", newPassword, holder.email());
        accounts.changePassword(school, holder.accountId(), newPassword);
        jdbc.sql("update password_resets set used_at = now() where school_id = :school and account_id = :account and used_at is null")
                .param("school", school).param("account", holder.accountId()).update();
        audit.record(school, holder.email(), "password.reset", "account", holder.accountId().toString(), Map.of());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
