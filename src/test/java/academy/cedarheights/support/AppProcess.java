package academy.cedarheights.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

/**
 * The built jar, run as an operator runs it: a process of its own, configured by environment variables alone, its
 * log in {@code target/drills/<name>.log}. Stopped as systemd stops it (SIGTERM), or killed (SIGKILL).
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar on a free port with {@code environment} (and nothing of this JVM's) and waits until it is up. */
    public static AppProcess start(String name, int port, Map<String, String> environment) {
        try {
            Path jar;
            try (var jars = Files.list(Path.of("target"))) {
                jar = jars.filter(file -> file.getFileName().toString().matches("cedar-heights-.*\\.jar"))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no jar: run ./mvnw package first"));
            }
            Path log = Path.of("target", "drills", name + ".log");
            Files.createDirectories(log.getParent());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv("PATH"));
            builder.environment().putAll(environment);
            builder.environment().put("PORT", String.valueOf(port));
            AppProcess app = new AppProcess(builder.start(), port, log);
            app.awaitUp(Duration.ofSeconds(120));
            return app;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Where its output goes. */
    public Path log() {
        return log;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void awaitUp(Duration within) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the app exited (" + process.exitValue() + "); see " + log);
                }
                return ready(client);
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the app did not come up within " + within + "; see " + log, e);
        }
    }

    private boolean ready(HttpClient client) throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** SIGTERM, as systemd stops it; waits for it to exit. */
    public int stop() {
        terminate();
        return awaitExit(Duration.ofSeconds(90));
    }

    /** SIGTERM, without waiting: the app shuts down gracefully while the caller watches. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL, as the kernel's OOM killer or a pulled plug stops it: nothing of the app runs after it. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Waits for the process to exit and returns its status; fails if it is still running after {@code within}. */
    public int awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the app did not exit within " + within + "; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
