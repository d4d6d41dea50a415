package academy.cedarheights.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks our own backend tokens on every protected request: compact JWS, {@code HS256} only, the HMAC compared
 * in constant time, then the same claim conversion and validators (expiry with leeway, issuer) as Spring's
 * Nimbus decoder. It exists because Nimbus decodes Base64 in constant time character by character, which was a
 * tenth of a booking's CPU; the signature, the only secret-dependent part, is still compared in constant time.
 */
final class BackendTokenDecoder implements JwtDecoder {

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final SecretKey key;
    private final OAuth2TokenValidator<Jwt> validator;
    // our issuer is a name, not a URL: Spring's default conversion tries it as a URL, and fails, on every request
    private final MappedJwtClaimSetConverter claims = MappedJwtClaimSetConverter.withDefaults(
            Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString()));
    private final JsonMapper json = JsonMapper.builder().build();
    private final ThreadLocal<Mac> macs;

    BackendTokenDecoder(SecretKey key, OAuth2TokenValidator<Jwt> validator) {
        this.key = key;
        this.validator = validator;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    @Override
    public Jwt decode(String token) {
        int headerEnd = token.indexOf('.');
        int payloadEnd = headerEnd < 0 ? -1 : token.indexOf('.', headerEnd + 1);
        if (payloadEnd < 0 || token.indexOf('.', payloadEnd + 1) >= 0) {
            throw new BadJwtException("Malformed token");
        }
        Map<String, Object> headers = jsonPart(token.substring(0, headerEnd));
        if (!"HS256".equals(headers.get("alg")) || headers.containsKey("crit")) {
            throw new BadJwtException("Unsupported token algorithm");
        }
        byte[] expected = macs.get().doFinal(token.substring(0, payloadEnd).getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(expected, base64(token.substring(payloadEnd + 1)))) {
            throw new BadJwtException("Invalid token signature");
        }
        Map<String, Object> claimSet = claims.convert(jsonPart(token.substring(headerEnd + 1, payloadEnd)));
        if (claimSet == null || claimSet.isEmpty()) {
            throw new BadJwtException("Token without claims");
        }
        Jwt jwt = Jwt.withTokenValue(token).headers(h -> h.putAll(headers)).claims(c -> c.putAll(claimSet)).build();
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("Token rejected: " + result.getErrors().iterator().next().getDescription(),
                    result.getErrors());
        }
        return jwt;
    }

    private Map<String, Object> jsonPart(String part) {
        try {
            Map<String, Object> object = json.readValue(base64(part), JSON_OBJECT);
            if (object == null) {
                throw new BadJwtException("Malformed token");
            }
            return object;
        } catch (JacksonException e) {
            throw new BadJwtException("Malformed token", e);
        }
    }

    private static byte[] base64(String part) {
        try {
            return BASE64URL.decode(part);
        } catch (IllegalArgumentException e) {
            throw new BadJwtException("Malformed token", e);
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
