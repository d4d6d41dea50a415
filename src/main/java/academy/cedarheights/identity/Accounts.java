package academy.cedarheights.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Built-in sign-in accounts (email and password) of a school, for schools without Supabase. Addresses are stored
 * normalised ({@code EmailAddresses}); an account's address counts as proven once {@code email_verified_at} is set.
 */
@Service
@Transactional
public class Accounts {

    // bcrypt today, and able to read any older {id}-prefixed hash should the default move on
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    // compared against when the email is unknown, so both refusals take the same time
    private final String absentAccountHash = passwords.encode("no account has this password");
    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account as sign-in needs it. */
    record Account(UUID id, String email, String passwordHash, boolean emailVerified) {
    }

    /**
     * Creates the account with a proven address unless the email already has one (the demo's own accounts);
     * returns the account's id either way.
     */
    public UUID ensureVerified(UUID schoolId, String email, String rawPassword) {
        UUID id = find(schoolId, email).map(Account::id).orElseGet(() -> insert(schoolId, email, rawPassword));
        markVerified(schoolId, id);
        return id;
    }

    /** Creates a new account, its address not yet proven; refuses an email the school already knows. */
    UUID register(UUID schoolId, String email, String rawPassword) {
        if (find(schoolId, email).isPresent()) {
            throw new EmailAlreadyRegistered();
        }
        return insert(schoolId, email, rawPassword);
    }

    /** The account when the password is right; always spends one password check. */
    @Transactional(readOnly = true)
    Optional<Account> authenticate(Optional<Account> account, String rawPassword) {
        String hash = account.map(Account::passwordHash).orElse(absentAccountHash);
        boolean matches = passwords.matches(rawPassword, hash);
        return account.filter(found -> matches);
    }

    private static final String SELECT = """
            select id, email::text as email, password_hash, email_verified_at is not null as email_verified
              from accounts""";

    @Transactional(readOnly = true)
    Optional<Account> find(UUID schoolId, String email) {
        return jdbc.sql(SELECT + " where school_id = :school and email = :email")
                .param("school", schoolId).param("email", email).query(Account.class).optional();
    }

    @Transactional(readOnly = true)
    Optional<Account> byId(UUID schoolId, UUID accountId) {
        return jdbc.sql(SELECT + " where school_id = :school and id = :id")
                .param("school", schoolId).param("id", accountId).query(Account.class).optional();
    }

    private UUID insert(UUID schoolId, String email, String rawPassword) {
        return jdbc.sql("insert into accounts (school_id, email, password_hash) values (:school, :email, :hash) returning id")
                .param("school", schoolId)
                .param("email", email)
                .param("hash", passwords.encode(rawPassword))
                .query(UUID.class)
                .single();
    }

    /** The owner of the address proved it (a verification link, an invitation or a password reset reached them). */
    void markVerified(UUID schoolId, UUID accountId) {
        jdbc.sql("""
                        update accounts set email_verified_at = coalesce(email_verified_at, now())
                         where school_id = :school and id = :id""")
                .param("school", schoolId).param("id", accountId).update();
    }

    /** Replaces the account's password (the caller has checked the policy and the right to do so). */
    void changePassword(UUID schoolId, UUID accountId, String rawPassword) {
        jdbc.sql("update accounts set password_hash = :hash where school_id = :school and id = :id")
                .param("school", schoolId).param("id", accountId).param("hash", passwords.encode(rawPassword)).update();
    }
}
