package academy.cedarheights.platform.persistence;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The job queue's own connections, for its bookkeeping only (picking due jobs, marking them done, heartbeats):
 * a small pool whose commits do not wait for the disk, as a lost bookkeeping commit only hands a job out again
 * ({@link AsyncCommit}), and whose statements are planned afresh each time, as the queue table swings from empty
 * to thousands of rows within seconds. Jobs are still scheduled on the application's pool, inside the transaction of the change
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
