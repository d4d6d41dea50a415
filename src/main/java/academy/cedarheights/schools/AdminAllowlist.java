package academy.cedarheights.schools;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The emails that are admins of a school. Runs inside the caller's (school-scoped) transaction. */
@Component
class AdminAllowlist {

    private final JdbcClient jdbc;

    AdminAllowlist(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean contains(UUID schoolId, String email) {
        return jdbc.sql("select exists (select 1 from school_admin_emails where school_id = :school and email = :email)")
                .param("school", schoolId).param("email", email).query(Boolean.class).single();
    }

    List<String> list(UUID schoolId) {
        return jdbc.sql("select email from school_admin_emails where school_id = :school order by email")
                .param("school", schoolId).query(String.class).list();
    }

    /** Makes the allowlist exactly {@code emails}. */
    void replace(UUID schoolId, List<String> emails) {
        jdbc.sql("delete from school_admin_emails where school_id = :school and not (email = any(cast(:emails as citext[])))")
                .param("school", schoolId).param("emails", emails.toArray(String[]::new)).update();
        add(schoolId, emails);
    }

    void add(UUID schoolId, List<String> emails) {
        for (String email : emails) {
            jdbc.sql("insert into school_admin_emails (school_id, email) values (:school, :email) on conflict do nothing")
                    .param("school", schoolId).param("email", email.trim()).update();
        }
    }
}
