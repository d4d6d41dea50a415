package academy.cedarheights.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import academy.cedarheights.platform.config.AppProperties;
import academy.cedarheights.platform.persistence.DatabaseProperties;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The key of our backend token. {@code JWT_SECRET} must be at least 32 bytes; without it the app
 * refuses to start, unless it runs on the embedded database (the demo), where a random key is made
 * once and kept in {@code APP_DATA_DIR} so that sign-ins survive a restart.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    static final int MINIMUM_SECRET_BYTES = 32;

    @Bean
    SecretKey backendTokenKey(JwtProperties jwt, DatabaseProperties database, AppProperties app) {
        return new SecretKeySpec(secret(jwt, database, app.dataDir()), "HmacSHA256");
    }

    @Bean
    JwtEncoder backendTokenEncoder(SecretKey backendTokenKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(backendTokenKey));
    }

    /** Validates every protected request's token: signature, expiry (60 s leeway), our issuer, a session not ended. */
    @Bean
    JwtDecoder backendTokenDecoder(SecretKey backendTokenKey, JwtProperties jwt, Sessions sessions) {
        return new BackendTokenDecoder(backendTokenKey, new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(jwt.issuer()), sessions));
    }

    static byte[] secret(JwtProperties jwt, DatabaseProperties database, Path dataDir) {
        if (jwt.secret() != null && !jwt.secret().isBlank()) {
            byte[] secret = jwt.secret().getBytes(StandardCharsets.UTF_8);
            if (secret.length < MINIMUM_SECRET_BYTES) {
                throw new IllegalStateException("JWT_SECRET must be at least " + MINIMUM_SECRET_BYTES + " bytes long.");
            }
            return secret;
        }
        if (!database.embedded()) {
            throw new IllegalStateException("JWT_SECRET is required when DATABASE_URL is set (at least "
                    + MINIMUM_SECRET_BYTES + " random bytes).");
        }
        return generatedDemoSecret(dataDir.resolve("jwt-secret"));
    }

    /**
     * The demo's key file: written to a temporary file that is born readable by its owner only, then moved into place
     * atomically, so no other user ever sees it half-written or readable. A key file others may read is refused.
     */
    private static byte[] generatedDemoSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                Path temporary = ownerOnlyTemporaryFile(file.getParent());
                Files.writeString(temporary, Base64.getEncoder().encodeToString(random));
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
                    Files.deleteIfExists(temporary);
                }
            }
            requireOwnerOnly(file);
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the demo token key in " + file, e);
        }
    }

    private static Path ownerOnlyTemporaryFile(Path folder) throws IOException {
        try {
            return Files.createTempFile(folder, ".jwt-secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(folder, ".jwt-secret", ".tmp"); // Windows: the folder's own permissions apply
        }
    }

    static void requireOwnerOnly(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        if (permissions.stream().anyMatch(permission -> permission.name().startsWith("GROUP")
                || permission.name().startsWith("OTHERS"))) {
            throw new IllegalStateException("The token key " + file + " may be read by other users ("
                    + PosixFilePermissions.toString(permissions) + "); run chmod 600 on it, or set JWT_SECRET.");
        }
    }
}
