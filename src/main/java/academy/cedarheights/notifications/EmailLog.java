package academy.cedarheights.notifications;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every email the school sent or tried to send. */
@Service
@Transactional(readOnly = true)
public class EmailLog {

    private final JdbcClient jdbc;

    EmailLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The emails sent to one address, newest first (the index on recipient and time serves it). */
    public List<SentEmail> sentTo(UUID schoolId, String recipient) {
        return jdbc.sql("""
                        select id, recipient, template, subject, status, error, created_at, sent_at from email_log
                         where school_id = :school and recipient = :recipient order by created_at desc""")
                .param("school", schoolId).param("recipient", recipient)
                .query(SentEmail.class).list();
    }
}
