package academy.cedarheights.platform.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes who did what, when: admin and teacher writes, sign-ins and refused sign-ins, data exports, and an admin's
 * reading of a family's records.
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

    /**
     * One entry as the API gives it: what was done to which record, by whom, and the record before and after (a
     * creation has no before, a removal no after; an entry of another kind carries its details as its after).
     */
    public record Record(Instant occurredAt, String actor, String action, String entity, String entityId,
                         JsonNode before, JsonNode after) {
    }

    /**
     * The school's entries, newest first, optionally of one actor and between two instants (from inclusive, to
     * exclusive).
     */
    @Transactional(readOnly = true)
    public Page<Record> page(UUID schoolId, String actor, Instant from, Instant to, PageQuery query) {
        String where = """
                 where school_id = :school and (cast(:actor as text) is null or actor = :actor)
                   and (cast(:from as timestamptz) is null or occurred_at >= :from)
                   and (cast(:to as timestamptz) is null or occurred_at < :to)""";
        List<Record> items = jdbc.sql("""
                        select occurred_at, actor, action, entity_type as entity, entity_id,
                               summary -> 'before' as before,
                               case when summary -> 'before' is not null or summary -> 'after' is not null
                                    then summary -> 'after'
                                    else summary end as after
                          from audit_log""" + "\n" + where + " order by occurred_at desc, id limit :limit offset :offset")
                .param("school", schoolId).param("actor", actor).param("from", timestamp(from))
                .param("to", timestamp(to)).param("limit", query.pageSize()).param("offset", query.offset())
                .query((rs, row) -> new Record(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
                        tree(rs.getString("before")), tree(rs.getString("after"))))
                .list();
        long total = jdbc.sql("select count(*) from audit_log\n" + where)
                .param("school", schoolId).param("actor", actor).param("from", timestamp(from))
                .param("to", timestamp(to)).query(Long.class).single();
        return query.page(items, total);
    }

    /**
     * Every value {@code field} had in the recorded states (before and after each change) of one record: what a
     * family was called, or reached at, before its latest edit — for an erasure to find those too.
     */
    @Transactional(readOnly = true)
    public List<String> recordedValues(UUID schoolId, String entityType, UUID entityId, String field) {
        return jdbc.sql("""
                        select distinct value from (
                            select summary -> 'before' ->> :field as value from audit_log
                             where school_id = :school and entity_type = :type and entity_id = :id
                            union all
                            select summary -> 'after' ->> :field from audit_log
                             where school_id = :school and entity_type = :type and entity_id = :id) recorded
                         where value is not null and value <> ''""")
                .param("school", schoolId).param("type", entityType).param("id", entityId.toString())
                .param("field", field).query(String.class).list();
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
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
