package academy.cedarheights.identity;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

/**
 * Verifies a Supabase access token: its signature (ES256 or RS256 with the project's published keys,
 * or HS256 with the legacy shared secret when one is configured), its expiry (60 s leeway), audience
 * {@code authenticated} and issuer {@code <SUPABASE_URL>/auth/v1}. Every refusal says why.
 */
class SupabaseTokens {

    static final Duration LEEWAY = Duration.ofSeconds(60);
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);

    private final SupabaseProperties properties;
    private final SigningKeys keys;
    private final Clock clock;

    SupabaseTokens(SupabaseProperties properties, Duration keyRefetchInterval, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.keys = properties.configured()
                ? new SigningKeys(URI.create(properties.keySetUrl()), keyRefetchInterval, clock) : null;
    }

    /** Drops the cached signing keys (tests start from a known state with it). */
    void forgetKeys() {
        if (keys != null) {
            keys.forget();
        }
    }

    SupabaseIdentity verify(String token) {
        if (!properties.configured()) {
            throw new TokenRejected("Supabase sign-in is not configured for this school.");
        }
        SignedJWT signed = signed(token);
        if (!signatureHolds(signed)) {
            throw new TokenRejected("The token's signature is not valid.");
        }
        return identity(claims(signed));
    }

    private static SignedJWT signed(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new TokenRejected("The token is not a well-formed JWT.");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new TokenRejected("Unsigned tokens (alg: none) are not accepted.");
        }
        return signed;
    }

    private boolean signatureHolds(SignedJWT signed) {
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        try {
            return signed.verify(verifierFor(algorithm, signed.getHeader().getKeyID()));
        } catch (JOSEException e) {
            throw new TokenRejected("The token's signature cannot be checked: " + e.getMessage());
        }
    }

    private JWSVerifier verifierFor(JWSAlgorithm algorithm, String keyId) throws JOSEException {
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            if (!properties.acceptsSharedSecret()) {
                throw new TokenRejected("HS256 tokens are not accepted: this project signs with its published keys.");
            }
            return new MACVerifier(properties.jwtSecret().getBytes(StandardCharsets.UTF_8));
        }
        if (!ASYMMETRIC.contains(algorithm)) {
            throw new TokenRejected("Tokens signed with " + algorithm + " are not accepted.");
        }
        if (keyId == null) {
            throw new TokenRejected("The token names no signing key (kid).");
        }
        JWK key = keys.find(keyId);
        if (key == null) {
            throw new TokenRejected("The token is signed with a key the project does not publish.");
        }
        if (JWSAlgorithm.ES256.equals(algorithm) && key instanceof ECKey ec) {
            return new ECDSAVerifier(ec.toECPublicKey());
        }
        if (JWSAlgorithm.RS256.equals(algorithm) && key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa.toRSAPublicKey());
        }
        throw new TokenRejected("The token's algorithm " + algorithm + " does not match its key.");
    }

    private static JWTClaimsSet claims(SignedJWT signed) {
        try {
            return signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new TokenRejected("The token's claims cannot be read.");
        }
    }

    private SupabaseIdentity identity(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null || expires.toInstant().plus(LEEWAY).isBefore(now)) {
            throw new TokenRejected("The token has expired.");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().minus(LEEWAY).isAfter(now)) {
            throw new TokenRejected("The token is not valid yet.");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains("authenticated")) {
            throw new TokenRejected("The token's audience is not 'authenticated'.");
        }
        if (!properties.issuer().equals(claims.getIssuer())) {
            throw new TokenRejected("The token was not issued by this school's Supabase project.");
        }
        if (Boolean.TRUE.equals(claims.getClaim("is_anonymous"))) {
            throw new TokenRejected("Anonymous Supabase sessions cannot sign in.");
        }
        String email = claims.getClaim("email") instanceof String text ? text : null;
        if (claims.getSubject() == null || email == null || email.isBlank()) {
            throw new TokenRejected("The token carries no user or no email.");
        }
        return new SupabaseIdentity(claims.getSubject(), email);
    }
}
