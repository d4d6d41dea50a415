package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** A session is refreshed for at most APP_SESSION_MAX_AGE after its sign-in, however often it was refreshed. */
class SessionsTest {

    static final Instant NOW = Instant.parse("2026-12-05T18:00:00Z");

    @Test
    void aSessionOlderThanTheMaximumAgeIsNotRefreshed() {
        Sessions sessions = new Sessions(null, null, properties(Duration.ofDays(30)), Clock.fixed(NOW, ZoneOffset.UTC));
        Jwt token = Jwt.withTokenValue("t").header("alg", "HS256").subject("someone").claim("school", "maple")
                .claim("sid", UUID.randomUUID().toString()).claim("gen", 1)
                .claim("auth_time", NOW.minus(Duration.ofDays(30)).minusSeconds(1).getEpochSecond())
                .issuedAt(NOW.minusSeconds(60)).build();

        assertThatThrownBy(() -> sessions.continued(token)).isInstanceOf(TokenRejected.class)
                .hasMessageContaining("more than 30 days ago");
    }

    private static IdentityProperties properties(Duration maxAge) {
        return new IdentityProperties(true, 60, Duration.ofMinutes(1), 10, Duration.ofMinutes(15),
                Duration.ofSeconds(30), maxAge);
    }
}
