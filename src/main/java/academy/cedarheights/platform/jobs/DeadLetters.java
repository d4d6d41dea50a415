package academy.cedarheights.platform.jobs;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The table of jobs that exhausted their retries: written by the failure handler, read by operations. */
@Component
class DeadLetters {

    private final JdbcClient jdbc;

    DeadLetters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the dead letter. Deliberately outside any school's transaction: the insert policy accepts
     * any school, and the id is made here because reading the row back would need the school's policy.
     */
    UUID add(UUID schoolId, String taskName, String taskInstance, String payload, String lastError, int attempts) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into dead_letters (id, school_id, task_name, task_instance, payload, last_error, attempts)
                        values (:id, :school_id, :task_name, :task_instance, :payload, :last_error, :attempts)""")
                .param("id", id)
                .param("school_id", schoolId)
                .param("task_name", taskName)
                .param("task_instance", taskInstance)
                .param("payload", payload)
                .param("last_error", lastError)
                .param("attempts", attempts)
                .update();
        return id;
    }
}
