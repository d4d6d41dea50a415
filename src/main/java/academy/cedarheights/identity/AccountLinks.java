package academy.cedarheights.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import academy.cedarheights.platform.security.Sha256;
import academy.cedarheights.platform.web.InvalidField;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time links to a built-in account, sent to its address: a password reset or an address verification. The
 * token is 32 random bytes; only its SHA-256 is stored, so the table never holds a usable secret. Spending a token
 * spends every other open token of the same account and purpose.
 */
@Component
class AccountLinks {

    enum Purpose {
        PASSWORD_RESET, VERIFY_EMAIL;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The account a spent link belongs to. */
    record Holder(UUID accountId, String email) {
    }

    private static final int TOKEN_BYTES = 32;
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;

    AccountLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for the account, valid for {@code validFor}; the caller puts it in a link and emails it. */
    String issue(UUID school, UUID account, Purpose purpose, Duration validFor) {
        String token = newToken(random);
        jdbc.sql("""
                        insert into account_links (school_id, token_hash, account_id, purpose, expires_at)
                        values (:school, :hash, :account, :purpose, now() + make_interval(secs => :seconds))""")
                .param("school", school).param("hash", hash(token)).param("account", account)
                .param("purpose", purpose.column()).param("seconds", (double) validFor.toSeconds()).update();
        return token;
    }

    /** Spends the token; an unknown, used or expired one is refused with a 400 naming {@code token}. */
    Holder spend(UUID school, String token, Purpose purpose) {
        Holder holder = jdbc.sql("""
                        select l.account_id, a.email::text as email
                          from account_links l join accounts a on a.school_id = l.school_id and a.id = l.account_id
                         where l.school_id = :school and l.token_hash = :hash and l.purpose = :purpose
                           and l.used_at is null and l.expires_at > now()
                           for update of l""")
                .param("school", school).param("hash", hash(token == null ? "" : token))
                .param("purpose", purpose.column()).query(Holder.class).optional()
                .orElseThrow(() -> new InvalidField("token", "this link has expired or was already used; ask for a new one"));
        jdbc.sql("""
                        update account_links set used_at = now()
                         where school_id = :school and account_id = :account and purpose = :purpose and used_at is null""")
                .param("school", school).param("account", holder.accountId()).param("purpose", purpose.column()).update();
        return holder;
    }

    static String newToken(SecureRandom random) {
        byte[] secret = new byte[TOKEN_BYTES];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
