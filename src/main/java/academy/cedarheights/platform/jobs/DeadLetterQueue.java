package academy.cedarheights.platform.jobs;

import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A school's dead letters, and sending one back to the job queue with its original payload. */
@Service
@Transactional
public class DeadLetterQueue {

    private static final Map<String, String> SORTABLE = Map.of("created_at", "created_at", "task_name", "task_name");
    private final JdbcClient jdbc;
    private final Scheduler scheduler;
    private final AuditTrail audit;

    DeadLetterQueue(JdbcClient jdbc, @Lazy Scheduler scheduler, AuditTrail audit) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Page<DeadLetter> page(UUID schoolId, PageQuery query) {
        var items = jdbc.sql("""
                        select id, task_name, task_instance, payload, last_error, attempts, created_at, retried_at
                          from dead_letters where school_id = :school order by %s limit :limit offset :offset"""
                        .formatted(query.orderBy(SORTABLE, "created_at desc")))
                .param("school", schoolId).param("limit", query.pageSize()).param("offset", query.offset())
                .query(DeadLetter.class).list();
        long total = jdbc.sql("select count(*) from dead_letters where school_id = :school").param("school", schoolId)
                .query(Long.class).single();
        return query.page(items, total);
    }

    /**
     * Queues the job again, now, with its payload as it was. The job's own idempotency makes a retry of
     * work that meanwhile succeeded harmless.
     */
    public void retry(UUID schoolId, String actor, UUID id) {
        DeadLetter letter = jdbc.sql("""
                        select id, task_name, task_instance, payload, last_error, attempts, created_at, retried_at
                          from dead_letters where school_id = :school and id = :id""")
                .param("school", schoolId).param("id", id).query(DeadLetter.class).optional()
                .orElseThrow(() -> new NoSuchRecord("dead letter", id));
        jdbc.sql("""
                        insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
                        values (:name, :instance, convert_to(:payload, 'UTF8'), now(), false, 1)
                        on conflict (task_name, task_instance) do nothing""")
                .param("name", letter.taskName()).param("instance", letter.taskInstance()).param("payload", letter.payload())
                .update();
        jdbc.sql("update dead_letters set retried_at = now() where school_id = :school and id = :id")
                .param("school", schoolId).param("id", id).update();
        audit.record(schoolId, actor, "dead_letter.retried", "dead_letter", id.toString(),
                Map.of("task", letter.taskName(), "instance", letter.taskInstance()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                scheduler.triggerCheckForDueExecutions();
            }
        });
    }
}
