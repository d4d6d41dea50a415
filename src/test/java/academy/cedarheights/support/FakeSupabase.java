package academy.cedarheights.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Supabase project at the wire: its JWKS served over real HTTP by WireMock, with keys generated
 * here, and access tokens minted exactly as Supabase shapes them. One per test JVM.
 */
public final class FakeSupabase {

    public static final String LEGACY_SECRET = "legacy-supabase-jwt-secret-of-at-least-32-bytes";
    public static final String JWKS_PATH = "/auth/v1/.well-known/jwks.json";
    public static final String ANON_KEY = "sb_publishable_test_anon_key";
    private static final WireMockServer SERVER = new WireMockServer(wireMockConfig().dynamicPort());
    public static final ECKey EC_KEY = generateEc("ec-key-1");
    public static final ECKey ROTATED_EC_KEY = generateEc("ec-key-2");
    public static final RSAKey RSA_KEY = generateRsa("rsa-key-1");

    static {
        SERVER.start();
        publish(EC_KEY, RSA_KEY);
    }

    private FakeSupabase() {
    }

    public static WireMockServer server() {
        return SERVER;
    }

    public static String url() {
        return SERVER.baseUrl();
    }

    public static String issuer() {
        return url() + "/auth/v1";
    }

    /** Serves these keys (public halves only) as the project's JWKS. */
    public static void publish(JWK... keys) {
        List<JWK> publicKeys = java.util.Arrays.stream(keys).map(JWK::toPublicJWK).toList();
        SERVER.stubFor(get(urlEqualTo(JWKS_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Cache-Control", "public, max-age=600")
                .withBody(new JWKSet(publicKeys).toString())));
    }

    public static void failKeySet(int status) {
        SERVER.stubFor(get(urlEqualTo(JWKS_PATH)).willReturn(aResponse().withStatus(status)));
    }

    /** The claims of a signed-in Supabase user, adjustable per test. */
    /**
     * Supabase Auth's password grant for one account: its credentials answer a session with an ES256 access token,
     * any other password Supabase's 400 {@code invalid_credentials}.
     */
    public static void acceptPassword(String email, String password) {
        SERVER.stubFor(post(urlEqualTo("/auth/v1/token?grant_type=password")).atPriority(5)
                .withHeader("apikey", equalTo(ANON_KEY))
                .withRequestBody(matchingJsonPath("$.email", equalTo(email)))
                .withRequestBody(matchingJsonPath("$.password", equalTo(password)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"access_token": "%s", "token_type": "bearer", "expires_in": 3600, "refresh_token": "r1",
                         "user": {"email": "%s"}}""".formatted(es256(claims(email).build()), email))));
        SERVER.stubFor(post(urlEqualTo("/auth/v1/token?grant_type=password")).atPriority(10)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"code": 400, "error_code": "invalid_credentials", "msg": "Invalid login credentials"}""")));
    }

    public static JWTClaimsSet.Builder claims(String email) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience("authenticated")
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("email", email)
                .claim("role", "authenticated")
                .claim("aal", "aal1")
                .claim("session_id", UUID.randomUUID().toString())
                .claim("is_anonymous", false)
                .claim("app_metadata", Map.of("provider", "email"))
                .claim("user_metadata", Map.of());
    }

    public static String es256(JWTClaimsSet claims) {
        return sign(claims, JWSAlgorithm.ES256, EC_KEY.getKeyID(), signer(() -> new ECDSASigner(EC_KEY)));
    }

    public static String es256(JWTClaimsSet claims, ECKey key) {
        return sign(claims, JWSAlgorithm.ES256, key.getKeyID(), signer(() -> new ECDSASigner(key)));
    }

    public static String rs256(JWTClaimsSet claims) {
        return sign(claims, JWSAlgorithm.RS256, RSA_KEY.getKeyID(), signer(() -> new RSASSASigner(RSA_KEY)));
    }

    public static String hs256(JWTClaimsSet claims, byte[] secret) {
        return sign(claims, JWSAlgorithm.HS256, null, signer(() -> new MACSigner(secret)));
    }

    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    public static String email() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@families.test";
    }

    private static String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, String keyId, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private interface SignerFactory {
        JWSSigner create() throws JOSEException;
    }

    private static JWSSigner signer(SignerFactory factory) {
        try {
            return factory.create();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generateRsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points the application's Supabase settings at this fake before the context starts. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("supabase.url=" + url(), "supabase.jwt-secret=" + LEGACY_SECRET,
                    "supabase.anon-key=" + ANON_KEY)
                    .applyTo(context.getEnvironment());
        }
    }

    public static byte[] legacySecret() {
        return LEGACY_SECRET.getBytes(StandardCharsets.UTF_8);
    }
}
