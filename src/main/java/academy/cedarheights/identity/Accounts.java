package academy.cedarheights.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Built-in sign-in accounts (email and password) of a school, for schools without Supabase. */
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

    /** Creates the account unless the email already has one; returns the account's id either way. */
    public UUID ensure(UUID schoolId, String email, String rawPassword) {
        return find(schoolId, email).map(Account::id).orElseGet(() -> insert(schoolId, email, rawPassword));
    }

    /** Creates a new account; refuses an email the school already knows. */
    UUID register(UUID schoolId, String email, String rawPassword) {
        if (find(schoolId, email).isPresent()) {
            throw new EmailAlreadyRegistered();
        }
        return insert(schoolId, email, rawPassword);
    }

    /** The account's id when the password is right; always spends one password check. */
    @Transactional(readOnly = true)
    Optional<UUID> authenticate(UUID schoolId, String email, String rawPassword) {
        Optional<Account> account = find(schoolId, email);
        String hash = account.map(Account::passwordHash).orElse(absentAccountHash);
        boolean matches = passwords.matches(rawPassword, hash);
        return account.filter(found -> matches).map(Account::id);
    }

    private Optional<Account> find(UUID schoolId, String email) {
        return jdbc.sql("select id, password_hash from accounts where school_id = :school and email = :email")
                .param("school", schoolId)
                .param("email", email)
                .query(Account.class)
                .optional();
    }

    private UUID insert(UUID schoolId, String email, String rawPassword) {
        return jdbc.sql("insert into accounts (school_id, email, password_hash) values (:school, :email, :hash) returning id")
                .param("school", schoolId)
                .param("email", email)
                .param("hash", passwords.encode(rawPassword))
                .query(UUID.class)
                .single();
    }

    /** Replaces the account's password (the caller has checked the policy and the right to do so). */
    void changePassword(UUID schoolId, UUID accountId, String rawPassword) {
        jdbc.sql("update accounts set password_hash = :hash where school_id = :school and id = :id")
                .param("school", schoolId).param("id", accountId).param("hash", passwords.encode(rawPassword)).update();
    }

    private record Account(UUID id, String passwordHash) {
    }
}
