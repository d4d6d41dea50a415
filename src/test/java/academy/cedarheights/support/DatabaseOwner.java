package academy.cedarheights.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema owner's connection (a superuser in the embedded server): row-level security does not
 * apply, so tests can arrange and inspect any school's rows directly. Application code never has this.
 */
@TestComponent
public class DatabaseOwner {

    private final JdbcClient jdbc;

    DatabaseOwner(@Qualifier("migrationDataSource") DataSource owner) {
        this.jdbc = JdbcClient.create(owner);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /**
     * Waits for the background work due now (billing, events, emails, renewals' charges) to be done. Looks at once:
     * most calls find nothing due (a simulated year asks a thousand times), and Awaitility would otherwise wait one
     * poll interval before its first look.
     */
    public void awaitJobsDue() {
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.sql("""
                        select count(*) from scheduled_tasks where task_instance <> 'recurring'
                           and execution_time <= now() and coalesce(consecutive_failures, 0) = 0""")
                .query(Long.class).single() == 0);
    }
}
