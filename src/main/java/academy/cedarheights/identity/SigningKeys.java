package academy.cedarheights.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supabase's public signing keys (its JWKS), cached. A token naming an unknown key id triggers one
 * refetch (keys rotate), but at most one per {@code refetchInterval}, so forged key ids cannot make us
 * hammer Supabase. If a refresh fails while keys are cached, the cached keys keep serving.
 */
class SigningKeys {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);  // Supabase serves max-age=600
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final URI location;
    private final Duration refetchInterval;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private JWKSet keys;
    private Instant fetchedAt = Instant.MIN;
    private Instant lastUnknownKeyRefetch = Instant.MIN;

    SigningKeys(URI location, Duration refetchInterval, Clock clock) {
        this.location = location;
        this.refetchInterval = refetchInterval;
        this.clock = clock;
    }

    /** The key with that id, or null if Supabase does not publish it. */
    synchronized JWK find(String keyId) {
        Instant now = clock.instant();
        if (keys == null || fetchedAt.plus(TIME_TO_LIVE).isBefore(now)) {
            refresh(keys != null);
        }
        JWK key = keys.getKeyByKeyId(keyId);
        if (key == null && lastUnknownKeyRefetch.plus(refetchInterval).isBefore(now)) {
            lastUnknownKeyRefetch = now;
            refresh(false);
            key = keys.getKeyByKeyId(keyId);
        }
        return key;
    }

    synchronized void forget() {
        keys = null;
        fetchedAt = Instant.MIN;
        lastUnknownKeyRefetch = Instant.MIN;
    }

    private void refresh(boolean cachedKeysMayServe) {
        try {
            keys = fetch();
            fetchedAt = clock.instant();
        } catch (IdentityProviderUnavailable e) {
            if (!cachedKeysMayServe) {
                throw e;
            }
            log.warn("Could not refresh Supabase's signing keys; using the cached ones: {}", e.getCause().getMessage());
        }
    }

    private JWKSet fetch() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IdentityProviderUnavailable(new IOException("JWKS answered HTTP " + response.statusCode()));
            }
            return JWKSet.parse(response.body());
        } catch (IOException | ParseException e) {
            throw new IdentityProviderUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityProviderUnavailable(e);
        }
    }
}
