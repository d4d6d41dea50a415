package academy.cedarheights.platform.privacy;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's records of an erased family: the audit trail keeps every entry (who did what, when) with the family's
 * values replaced by the pseudonyms — the family's own actions then name the pseudonymous address; its replayable
 * answers (idempotency keys, which hold whole responses) go; a dead letter keeps its error without them.
 */
@Component
@Order(PersonalData.RECORDS)
class RecordErasure implements PersonalData {

    private final JdbcClient jdbc;

    RecordErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(ErasedFamily family) {
        family.bind(jdbc.sql("""
                        update audit_log set actor = %s, entity_id = %s, summary = %s::jsonb
                         where school_id = :school and (%s or %s or %s)""".formatted(
                        ErasedFamily.erased("actor"), ErasedFamily.erased("entity_id"), ErasedFamily.erased("summary::text"),
                        ErasedFamily.mentions("actor"), ErasedFamily.mentions("entity_id"),
                        ErasedFamily.mentions("summary::text")))).update();
        family.bind(jdbc.sql("""
                        delete from idempotency_keys
                         where school_id = :school and (actor = :subject or %s or %s)""".formatted(
                        ErasedFamily.mentions("actor"), ErasedFamily.mentions("response_body::text"))))
                .param("subject", family.subject() == null ? "" : family.subject()).update();
        family.bind(jdbc.sql("""
                        update dead_letters set payload = %s, last_error = %s
                         where school_id = :school and (%s or %s)""".formatted(
                        ErasedFamily.erased("payload"), ErasedFamily.erased("last_error"),
                        ErasedFamily.mentions("payload"), ErasedFamily.mentions("last_error")))).update();
    }
}
