package academy.cedarheights.platform.persistence;

import javax.sql.DataSource;

import academy.cedarheights.platform.jobs.Jobs;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The job queue's own connections, for its bookkeeping only (picking due jobs, marking them done, heartbeats):
 * a small pool whose commits do not wait for the disk, as a lost bookkeeping commit only hands a job out again
 * ({@link AsyncCommit}), and whose statements keep to the queue's indexes however many rows it holds at the
 * moment they are planned. Jobs are still scheduled on the application's pool, inside the transaction of the change
 * that causes them.
 */
public final class JobQueueConnections implements AutoCloseable {

    private final HikariDataSource dataSource;

    JobQueueConnections(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
