package academy.cedarheights.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Our own backend token.
 *
 * @param secret   {@code JWT_SECRET}: the HS256 key, at least 32 bytes. Required unless the embedded
 *                 database is in use, where one is generated and kept in {@code APP_DATA_DIR}.
 * @param issuer   the {@code iss} claim written and required
 * @param lifetime how long a token is valid
 */
@ConfigurationProperties("jwt")
record JwtProperties(String secret, @DefaultValue("cedar-heights") String issuer, @DefaultValue("2h") Duration lifetime) {
}
