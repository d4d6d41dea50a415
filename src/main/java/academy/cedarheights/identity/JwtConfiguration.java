package academy.cedarheights.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import academy.cedarheights.platform.config.AppProperties;
import academy.cedarheights.platform.persistence.DatabaseProperties;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    /** Validates every protected request's token: signature, expiry (60 s leeway) and our issuer. */
    @Bean
    JwtDecoder backendTokenDecoder(SecretKey backendTokenKey, JwtProperties jwt) {
        return new BackendTokenDecoder(backendTokenKey, JwtValidators.createDefaultWithIssuer(jwt.issuer()));
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

    private static byte[] generatedDemoSecret(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(random));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the folder's own permissions apply
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the demo token key in " + file, e);
        }
    }
}
