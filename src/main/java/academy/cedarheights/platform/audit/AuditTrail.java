package academy.cedarheights.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes who did what, when: admin and teacher writes, sign-ins and refused sign-ins, data exports.
 * Every module records through here; the operations module shows the log to admins.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records inside the caller's transaction: the entry exists exactly when the change does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID schoolId, String actor, String action, String entityType, String entityId,
                       Map<String, ?> summary) {
        write(schoolId, actor, action, entityType, entityId, summary);
    }

    /** An admin or teacher created a record: what it is now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void created(UUID schoolId, String actor, String entityType, UUID id, Object after) {
        write(schoolId, actor, entityType + ".created", entityType, String.valueOf(id), Map.of("after", after));
    }

    /** An admin or teacher changed a record: what it was and what it is now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void updated(UUID schoolId, String actor, String entityType, UUID id, Object before, Object after) {
        write(schoolId, actor, entityType + ".updated", entityType, String.valueOf(id),
                Map.of("before", before, "after", after));
    }

    /** An admin removed a record: what it was. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(UUID schoolId, String actor, String entityType, UUID id, Object before) {
        write(schoolId, actor, entityType + ".deleted", entityType, String.valueOf(id), Map.of("before", before));
    }

    /** Records in a transaction of its own: for refusals, whose own transaction rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSeparately(UUID schoolId, String actor, String action, String entityType, String entityId,
                                 Map<String, ?> summary) {
        write(schoolId, actor, action, entityType, entityId, summary);
    }

    /** One entry of the log as admins read it. */
    public record Entry(Instant occurredAt, String actor, String action, String entityType, String entityId,
                        String summary) {
    }

    /** The school's latest entries, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> recent(UUID schoolId, int limit) {
        return jdbc.sql("""
                        select occurred_at, actor, action, entity_type, entity_id, summary::text as summary
                          from audit_log where school_id = :school order by occurred_at desc limit :limit""")
                .param("school", schoolId).param("limit", limit).query(Entry.class).list();
    }

    private void write(UUID schoolId, String actor, String action, String entityType, String entityId,
                       Map<String, ?> summary) {
        jdbc.sql("""
                        insert into audit_log (school_id, actor, action, entity_type, entity_id, summary)
                        values (:school, :actor, :action, :type, :entity, cast(:summary as jsonb))""")
                .param("school", schoolId)
                .param("actor", actor)
                .param("action", action)
                .param("type", entityType)
                .param("entity", entityId)
                .param("summary", json.writeValueAsString(summary))
                .update();
    }
}
