package academy.cedarheights.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.platform.privacy.ErasedFamily;
import academy.cedarheights.platform.privacy.PersonalData;
import academy.cedarheights.schools.Schools;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased family can no longer sign in: its built-in account goes with its emailed links, every session of its
 * identity ends, and the sign-in counters kept under its address go. A Supabase user is the deployment's, not the
 * school's (the same person may sign in to another school with it): the family's record no longer points at it, so it
 * opens nothing here.
 */
@Component
@Order(PersonalData.SIGN_IN)
public class AccountErasure implements PersonalData {

    private final JdbcClient jdbc;
    private final Sessions sessions;
    private final Schools schools;

    AccountErasure(JdbcClient jdbc, Sessions sessions, Schools schools) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.schools = schools;
    }

    /** The address of the school's built-in account behind {@code subject}, if it is one. */
    public Optional<String> accountEmail(UUID school, String subject) {
        return subject == null ? Optional.empty() : jdbc.sql("""
                        select email from accounts where school_id = :school and id::text = :subject""")
                .param("school", school).param("subject", subject).query(String.class).optional();
    }

    @Override
    public void erase(ErasedFamily family) {
        UUID school = family.school();
        if (family.subject() != null) {
            // its emailed links go with it (on delete cascade)
            jdbc.sql("delete from accounts where school_id = :school and id::text = :subject")
                    .param("school", school).param("subject", family.subject()).update();
            sessions.endEverywhere(schools.branding(school).slug(), family.subject());
        }
        List<String> counters = new ArrayList<>();
        family.emails().forEach(email -> counters.add(SignInLimits.accountKey(school, email)));
        if (family.subject() != null) {
            counters.add(SignInLimits.accountKey(school, family.subject()));
        }
        jdbc.sql("delete from rate_limit_counters where key = any(:keys)")
                .param("keys", counters.toArray(String[]::new)).update();
    }
}
