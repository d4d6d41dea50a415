package academy.cedarheights.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The text messages a school sent, as its log keeps them. */
@Service
@Transactional(readOnly = true)
public class TextLog {

    private final JdbcClient jdbc;

    TextLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One text of the log: to which number, what it said (empty after a year), how its delivery went. */
    public record SentText(UUID id, String recipient, String body, String status, Instant createdAt, Instant sentAt) {
    }

    /** A phone as texts are sent to it: its digits and a leading plus ({@code +1 604 555 0190} → {@code +16045550190}). */
    public static String number(String phone) {
        return phone.replaceAll("[^+0-9]", "");
    }

    /** The texts sent to a family's phone (written as the family wrote it), newest first. */
    public List<SentText> sentTo(UUID schoolId, String phone) {
        return jdbc.sql("""
                        select id, recipient, body, status, created_at, sent_at from text_messages
                         where school_id = :school and recipient = :recipient order by created_at desc""")
                .param("school", schoolId).param("recipient", number(phone)).query(SentText.class).list();
    }
}
