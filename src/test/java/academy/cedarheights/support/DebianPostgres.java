package academy.cedarheights.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Debian's PostgreSQL, as an operator runs it (not the embedded one the other tests use): its {@code main} cluster,
 * started if it is not, and commands run as its {@code postgres} superuser the way the operator's guide says
 * ({@code runuser -u postgres -- psql}). The drills need root for that; {@code .ci/run} installs the package and runs
 * as root.
 */
public final class DebianPostgres {

    private final int port;

    private DebianPostgres(int port) {
        this.port = port;
    }

    /** Whether this machine can run the drills: Debian's cluster tools, and root to act as {@code postgres}. */
    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster")) && "root".equals(System.getProperty("user.name"));
    }

    /**
     * The {@code main} cluster of the newest installed version, started and taking connections. The drills run in two
     * JVMs: both may find it down and start it at once, and the one told "already running" waits for the other's
     * start to finish.
     */
    public static DebianPostgres main() {
        String[] cluster = mainCluster();
        int port = Integer.parseInt(cluster[2]);
        IllegalStateException notStarted = null;
        if (!cluster[3].startsWith("online")) {
            try {
                run(List.of("pg_ctlcluster", cluster[0], "main", "start"));
            } catch (IllegalStateException startedByTheOtherJvmMaybe) {
                notStarted = startedByTheOtherJvmMaybe;
            }
        }
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> run(List.of("pg_isready", "-q", "-p", String.valueOf(port))) != null);
        } catch (ConditionTimeoutException neverReady) {
            throw notStarted != null ? notStarted : new IllegalStateException("PostgreSQL is not ready", neverReady);
        }
        return new DebianPostgres(port);
    }

    /** {@code pg_lsclusters}' line of it: version, name, port, status, … */
    private static String[] mainCluster() {
        return run(List.of("pg_lsclusters", "--no-header")).lines()
                .filter(line -> line.split("\\s+")[1].equals("main")).reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("no main cluster: apt-get install postgresql"))
                .trim().split("\\s+");
    }

    public int port() {
        return port;
    }

    /** Runs SQL as the cluster's superuser, in {@code database}; what psql printed (unaligned, tuples only). */
    public String superuser(String database, String sql) {
        return run(List.of("runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-p", String.valueOf(port), "-d", database, "-c", sql)).trim();
    }

    /** A command as {@code postgres} (pg_dump, pg_restore, createdb). */
    public String asPostgres(String... command) {
        List<String> line = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        line.addAll(List.of(command));
        return run(line);
    }

    public String url(String user, String password, String database) {
        return "postgres://" + user + ":" + password + "@localhost:" + port + "/" + database;
    }

    /** A connection as {@code user}, bound by row-level security as the application is. */
    public JdbcClient jdbc(String user, String password, String database) {
        return JdbcClient.create(new SingleConnectionDataSource(
                "jdbc:postgresql://localhost:" + port + "/" + database, user, password, true));
    }

    static String run(List<String> command) {
        try {
            Path output = Files.createTempFile("drill-command", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (" + process.exitValue() + "): " + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
