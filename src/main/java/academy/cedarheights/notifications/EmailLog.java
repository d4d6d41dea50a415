package academy.cedarheights.notifications;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
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

    private static final String COLUMNS = """
            select id, recipient, template, subject, status, provider, provider_message_id, error, attempts,
                   created_at, sent_at, body_text, %s as body_html from email_log""";
    private static final java.util.Map<String, String> SORTABLE = java.util.Map.of("created_at", "created_at",
            "recipient", "recipient");

    /** The log, filtered; bodies in text only (the HTML is on the single email). */
    public Page<LoggedEmail> page(UUID schoolId, String recipient, String template, String status, PageQuery query) {
        String where = """
                 where school_id = :school and (cast(:recipient as text) is null or recipient = cast(:recipient as citext))
                   and (cast(:template as text) is null or template = :template)
                   and (cast(:status as text) is null or status = :status)""";
        var items = jdbc.sql(COLUMNS.formatted("null") + " " + where + " order by "
                        + query.orderBy(SORTABLE, "created_at desc") + " limit :limit offset :offset")
                .param("school", schoolId).param("recipient", recipient).param("template", template).param("status", status)
                .param("limit", query.pageSize()).param("offset", query.offset())
                .query(LoggedEmail.class).list();
        long total = jdbc.sql("select count(*) from email_log " + where)
                .param("school", schoolId).param("recipient", recipient).param("template", template).param("status", status)
                .query(Long.class).single();
        return query.page(items, total);
    }

    public LoggedEmail get(UUID schoolId, UUID id) {
        return jdbc.sql(COLUMNS.formatted("body_html") + " where school_id = :school and id = :id")
                .param("school", schoolId).param("id", id)
                .query(LoggedEmail.class).optional().orElseThrow(() -> new NoSuchRecord("email", id));
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
