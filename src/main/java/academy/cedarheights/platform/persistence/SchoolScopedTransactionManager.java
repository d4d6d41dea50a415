package academy.cedarheights.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

import academy.cedarheights.platform.tenancy.TenantContext;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Tells PostgreSQL, at the start of every transaction, which school it acts for. The setting is
 * transaction-local ({@code set_config(..., true)}), so it can never leak to the next user of a pooled
 * connection; with no school it is empty, and the row-level security policies then show no tenant row.
 * Background jobs' transactions also commit asynchronously ({@link AsyncCommit}).
 */
class SchoolScopedTransactionManager extends JdbcTransactionManager {

    private static final String SETTINGS = "select set_config('app.school_id', ?, true)";
    // the same round trip, for background work (see AsyncCommit)
    private static final String ASYNC_SETTINGS = SETTINGS + ", set_config('synchronous_commit', 'off', true)";

    SchoolScopedTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        String school = TenantContext.current().map(UUID::toString).orElse("");
        try (PreparedStatement statement = connection.prepareStatement(AsyncCommit.active() ? ASYNC_SETTINGS : SETTINGS)) {
            statement.setString(1, school);
            statement.execute();
        }
    }
}
