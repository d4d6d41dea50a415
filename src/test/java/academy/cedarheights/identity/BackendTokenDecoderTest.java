package academy.cedarheights.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Our token check accepts what our encoder signs and nothing else: other keys, algorithms, issuers, stale tokens. */
class BackendTokenDecoderTest {

    static final String ISSUER = "cedar-heights";
    static final SecretKey KEY = key("0123456789abcdef0123456789abcdef-ours");

    final BackendTokenDecoder decoder = new BackendTokenDecoder(KEY, JwtValidators.createDefaultWithIssuer(ISSUER));

    @Test
    void acceptsOurTokenWithItsClaims() {
        Instant now = Instant.now();
        Jwt jwt = decoder.decode(token(KEY, ISSUER, now, now.plusSeconds(7200)));

        assertThat(jwt.getSubject()).isEqualTo("parent-1");
        assertThat(jwt.getClaimAsString("role")).isEqualTo("parent");
        assertThat(jwt.getExpiresAt()).isEqualTo(now.plusSeconds(7200).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(jwt.getHeaders()).containsEntry("alg", "HS256");
    }

    @Test
    void refusesAnotherKeysSignatureOrAChangedPayload() {
        Instant now = Instant.now();
        String foreign = token(key("another-key-of-thirty-two-bytes-or-more"), ISSUER, now, now.plusSeconds(60));
        assertThatThrownBy(() -> decoder.decode(foreign)).isInstanceOf(BadJwtException.class).hasMessageContaining("signature");

        String[] parts = token(KEY, ISSUER, now, now.plusSeconds(60)).split("\\.");
        String admin = encode("{\"iss\":\"cedar-heights\",\"sub\":\"parent-1\",\"role\":\"admin\",\"exp\":"
                + now.plusSeconds(60).getEpochSecond() + "}");
        assertThatThrownBy(() -> decoder.decode(parts[0] + "." + admin + "." + parts[2]))
                .isInstanceOf(BadJwtException.class).hasMessageContaining("signature");
    }

    @Test
    void refusesOtherAlgorithmsEvenWhenSignedWithOurKey() {
        String claims = encode("{\"iss\":\"cedar-heights\",\"sub\":\"x\",\"exp\":" + (Instant.now().getEpochSecond() + 60) + "}");
        String none = encode("{\"alg\":\"none\"}");
        assertThatThrownBy(() -> decoder.decode(none + "." + claims + ".")).isInstanceOf(BadJwtException.class);

        String hs512 = encode("{\"alg\":\"HS512\"}");
        String signed = hs512 + "." + claims;
        assertThatThrownBy(() -> decoder.decode(signed + "." + mac("HmacSHA512", signed)))
                .isInstanceOf(BadJwtException.class).hasMessageContaining("algorithm");

        String critical = encode("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}");
        String withCrit = critical + "." + claims;
        assertThatThrownBy(() -> decoder.decode(withCrit + "." + mac("HmacSHA256", withCrit)))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void refusesAnExpiredTokenAndAnotherIssuer() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> decoder.decode(token(KEY, ISSUER, now.minusSeconds(7400), now.minusSeconds(200))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(token(KEY, "someone-else", now, now.plusSeconds(60))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void refusesMalformedTokens() {
        String good = token(KEY, ISSUER, Instant.now(), Instant.now().plusSeconds(60));
        for (String bad : new String[] {"", "abc", "a.b", good + ".extra", "!!.@@.##", encode("[1]") + ".e30.sig",
                encode("not json") + ".e30.sig"}) {
            assertThatThrownBy(() -> decoder.decode(bad)).as(bad).isInstanceOf(BadJwtException.class);
        }
    }

    private static String token(SecretKey key, String issuer, Instant issued, Instant expires) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(issuer).subject("parent-1").claim("role", "parent")
                .issuedAt(issued).expiresAt(expires).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    private static String mac(String algorithm, String signingInput) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(KEY.getEncoded(), algorithm));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static SecretKey key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
