package academy.cedarheights.families;

import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.identity.ParentSignedUp;
import academy.cedarheights.identity.PayeeDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links sign-in identities to families: a parent's new account gets its payee record in the same
 * transaction (or is linked to the one the school already made for that email), and identity can ask
 * which payee a signed-in person is.
 */
@Component
class FamilyAccounts implements PayeeDirectory {

    private final JdbcClient jdbc;
    private final Welcome welcome;

    FamilyAccounts(JdbcClient jdbc, Welcome welcome) {
        this.jdbc = jdbc;
        this.welcome = welcome;
    }

    @EventListener
    void on(ParentSignedUp signedUp) {
        jdbc.sql("""
                        insert into payees (school_id, name, email, identity_subject)
                        values (:school, :name, :email, :subject)
                        on conflict (school_id, email) do update
                           set identity_subject = coalesce(payees.identity_subject, excluded.identity_subject),
                               updated_at = now()""")
                .param("school", signedUp.schoolId())
                .param("name", signedUp.name())
                .param("email", signedUp.email())
                .param("subject", signedUp.subject())
                .update();
        welcome.send(signedUp.schoolId(), signedUp.email(), signedUp.name());
    }

    @Override
    public Optional<UUID> payeeOf(UUID schoolId, String subject) {
        return jdbc.sql("select id from payees where school_id = :school and identity_subject = :subject")
                .param("school", schoolId)
                .param("subject", subject)
                .query(UUID.class)
                .optional();
    }
}
