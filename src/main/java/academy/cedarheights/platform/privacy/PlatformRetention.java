package academy.cedarheights.platform.privacy;

import java.time.Period;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How long the platform's own records of a school are kept: replayable requests a week, the audit log seven years. */
@Configuration(proxyBeanMethods = false)
class PlatformRetention {

    @Bean
    RetentionRule idempotencyKeys(JdbcClient jdbc) {
        return RetentionRule.of("Remembered answers to repeated requests (Idempotency-Key) and what they returned",
                Period.ofDays(7), "A client retries within minutes; a week covers any retry and no more.",
                (school, cutoff) -> jdbc.sql("delete from idempotency_keys where school_id = :school and created_at < :cutoff")
                        .param("school", school).param("cutoff", cutoff).update());
    }

    @Bean
    RetentionRule auditLog(JdbcClient jdbc) {
        return RetentionRule.of("The audit log: who did what, when, and the record before and after",
                Period.ofYears(7), "As long as the school keeps its accounts (seven years in Canada), so any entry "
                        + "of them can be traced to who made it.",
                (school, cutoff) -> jdbc.sql("delete from audit_log where school_id = :school and occurred_at < :cutoff")
                        .param("school", school).param("cutoff", cutoff).update());
    }
}
