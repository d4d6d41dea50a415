package academy.cedarheights.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import academy.cedarheights.platform.jobs.JobDefinitions;
import academy.cedarheights.support.IntegrationTest;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Only background work commits without waiting for the disk; a person's request always waits. */
@IntegrationTest
class AsyncCommitTest {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired JobQueueConnections queue;
    @Autowired JobDefinitions definitions;

    @Test
    void transactionsWaitForTheDiskUnlessBackgroundWorkRunsThem() {
        assertThat(synchronousCommit()).isEqualTo("on");
        assertThat(AsyncCommit.during(this::synchronousCommit)).isEqualTo("off");
        // the setting is the transaction's own: the pooled connection is back to the default afterwards
        assertThat(synchronousCommit()).isEqualTo("on");
    }

    @Test
    void aJobsOwnTransactionsCommitAsynchronously() {
        AtomicReference<String> seen = new AtomicReference<>();
        OneTimeTask<String> job = definitions.oneTime("test-async-commit", String.class,
                (instance, context) -> seen.set(synchronousCommit()));

        job.execute(job.instance("one", "payload"), null);

        assertThat(seen.get()).isEqualTo("off");
    }

    @Test
    void theJobQueuesBookkeepingConnectionsCommitAsynchronously() {
        assertThat(JdbcClient.create(queue.dataSource()).sql("select current_setting('synchronous_commit')")
                .query(String.class).single()).isEqualTo("off");
    }

    private String synchronousCommit() {
        return transaction.execute(status -> jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single());
    }
}
