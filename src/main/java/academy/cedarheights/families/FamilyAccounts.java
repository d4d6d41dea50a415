package academy.cedarheights.families;

import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.identity.EmailVerified;
import academy.cedarheights.identity.ParentSignedUp;
import academy.cedarheights.identity.PayeeDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Links sign-in identities to families: a parent's new account gets its payee record in the same transaction; a
 * record the school already made for that address is linked only once the account proves the address (anyone can
 * type an address: only its owner may see that family's children), and identity can ask which payee a signed-in
 * person is.
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
        int created = jdbc.sql("""
                        insert into payees (school_id, name, email, identity_subject)
                        values (:school, :name, :email, :subject)
                        on conflict (school_id, email) do nothing""")
                .param("school", signedUp.schoolId())
                .param("name", signedUp.name())
                .param("email", signedUp.email())
                .param("subject", signedUp.subject())
                .update();
        if (created == 1) {
            welcome.send(signedUp.schoolId(), signedUp.email(), signedUp.name());
        }
    }

    /** The owner proved the address: the family record the school made for it becomes theirs. */
    @EventListener
    void on(EmailVerified verified) {
        jdbc.sql("""
                        update payees set identity_subject = :subject, updated_at = now()
                         where school_id = :school and email = :email and identity_subject is null
                           and not exists (select 1 from payees p where p.school_id = :school
                                                                    and p.identity_subject = :subject)""")
                .param("school", verified.schoolId())
                .param("email", verified.email())
                .param("subject", verified.subject())
                .update();
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
