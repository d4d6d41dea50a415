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

    UUID add(UUID schoolId, String taskName, String taskInstance, String payload, String lastError, int attempts) {
        return jdbc.sql("""
                        insert into dead_letters (school_id, task_name, task_instance, payload, last_error, attempts)
                        values (:school_id, :task_name, :task_instance, :payload, :last_error, :attempts)
                        returning id""")
                .param("school_id", schoolId)
                .param("task_name", taskName)
                .param("task_instance", taskInstance)
                .param("payload", payload)
                .param("last_error", lastError)
                .param("attempts", attempts)
                .query(UUID.class)
                .single();
    }
}
