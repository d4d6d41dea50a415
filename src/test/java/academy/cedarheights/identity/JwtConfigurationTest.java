package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import academy.cedarheights.platform.persistence.DatabaseProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtConfigurationTest {

    static final DatabaseProperties EXTERNAL = new DatabaseProperties("postgres://app:pw@db/cedar", null, false);
    static final DatabaseProperties EMBEDDED = new DatabaseProperties(null, null, false);

    @TempDir Path dataDir;

    @Test
    void withARealDatabaseTheSecretIsRequired() {
        assertThatThrownBy(() -> JwtConfiguration.secret(properties(null), EXTERNAL, dataDir))
                .hasMessageContaining("JWT_SECRET is required");
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> JwtConfiguration.secret(properties("too-short-secret"), EXTERNAL, dataDir))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void theDemoMakesOneSecretAndKeepsIt() {
        byte[] first = JwtConfiguration.secret(properties(null), EMBEDDED, dataDir);
        byte[] again = JwtConfiguration.secret(properties(null), EMBEDDED, dataDir);

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(again);
        assertThat(dataDir.resolve("jwt-secret")).exists();
    }

    @Test
    void theDemoKeyIsBornReadableByItsOwnerOnly() throws Exception {
        JwtConfiguration.secret(properties(null), EMBEDDED, dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("jwt-secret"))))
                .isEqualTo("rw-------");
        try (var leftovers = Files.list(dataDir)) {
            assertThat(leftovers.map(path -> path.getFileName().toString())).as("no temporary file left")
                    .containsExactly("jwt-secret");
        }
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws Exception {
        JwtConfiguration.secret(properties(null), EMBEDDED, dataDir);
        Files.setPosixFilePermissions(dataDir.resolve("jwt-secret"), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> JwtConfiguration.secret(properties(null), EMBEDDED, dataDir))
                .hasMessageContaining("may be read by other users").hasMessageContaining("chmod 600");
    }

    private static JwtProperties properties(String secret) {
        return new JwtProperties(secret, "cedar-heights", java.time.Duration.ofHours(2));
    }
}
