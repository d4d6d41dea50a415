package academy.cedarheights.platform.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL: one real server per JVM, whatever the number of Spring contexts
 * (the test suite caches several), with its data kept in a folder between runs.
 */
final class EmbeddedPostgresServer {

    static final String DATABASE = "cedar";
    /** The application's login: not a superuser, not the tables' owner, so row-level security binds it. */
    static final String APPLICATION_ROLE = "cedar_app";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    static synchronized DatabaseAccess start(Path dataDirectory, boolean resetOnStart) {
        if (server == null) {
            server = launch(dataDirectory.toAbsolutePath(), resetOnStart);
            prepare();
        }
        // the embedded server trusts local connections, so neither login needs a password
        return new DatabaseAccess(
                new ConnectionSettings(server.getJdbcUrl(APPLICATION_ROLE, DATABASE), APPLICATION_ROLE, null),
                new ConnectionSettings(server.getJdbcUrl("postgres", DATABASE), "postgres", null));
    }

    private static EmbeddedPostgres launch(Path dataDirectory, boolean resetOnStart) {
        try {
            if (resetOnStart) {
                deleteRecursively(dataDirectory);
            }
            Files.createDirectories(dataDirectory);
            // zonky's own working folder (binaries) stays in the temp folder: it deletes stale-looking
            // folders there at every start, so our data must never live inside it.
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    // zonky turns this off for throwaway test servers; ours keeps a school's data, and what a
                    // person is told has happened must be on disk (only background work opts out: AsyncCommit)
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            log.info("Embedded PostgreSQL listening on port {} with data in {}", started.getPort(), dataDirectory);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static void prepare() {
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", APPLICATION_ROLE)) {
                execute(connection, "create role " + APPLICATION_ROLE + " login nosuperuser nobypassrls");
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", DATABASE)) {
                execute(connection, "create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database " + DATABASE, e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (var statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        }
    }

    private static void execute(Connection connection, String ddl) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(ddl);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
