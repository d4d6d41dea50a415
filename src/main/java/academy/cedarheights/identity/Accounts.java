package academy.cedarheights.identity;

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
    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the account unless the email already has one; returns the account's id either way. */
    public UUID ensure(UUID schoolId, String email, String rawPassword) {
        return jdbc.sql("select id from accounts where school_id = :school and email = :email")
                .param("school", schoolId)
                .param("email", email)
                .query(UUID.class)
                .optional()
                .orElseGet(() -> jdbc.sql("""
                                insert into accounts (school_id, email, password_hash)
                                values (:school, :email, :hash) returning id""")
                        .param("school", schoolId)
                        .param("email", email)
                        .param("hash", passwords.encode(rawPassword))
                        .query(UUID.class)
                        .single());
    }
}
