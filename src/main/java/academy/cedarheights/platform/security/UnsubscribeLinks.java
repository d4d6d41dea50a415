package academy.cedarheights.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The token of an email's one-click unsubscribe link (CASL, RFC 8058): which school, which address, from what — signed,
 * so the link stops exactly that and nothing else, and needs no sign-in (a mail client posts it on its own). Its key is
 * derived from the backend token's key for this use alone.
 */
@Component
public class UnsubscribeLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private final SecretKeySpec key;

    UnsubscribeLinks(SecretKey backendTokenKey) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(backendTokenKey.getEncoded(), "HmacSHA256"),
                "unsubscribe links"), "HmacSHA256");
    }

    /** What a link stops: the school, the address (in lower case) and the purpose ({@code reminder_emails}, {@code news}). */
    public record Unsubscribe(UUID school, String email, String purpose) {
    }

    public String token(UUID school, String email, String purpose) {
        String payload = ENCODE.encodeToString((school + "|" + email.toLowerCase(Locale.ROOT) + "|" + purpose)
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODE.encodeToString(hmac(key, payload));
    }

    /** The link's content, if its signature is ours; empty for anything else. */
    public Optional<Unsubscribe> read(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            String payload = token.substring(0, dot);
            if (!MessageDigest.isEqual(hmac(key, payload), DECODE.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODE.decode(payload), StandardCharsets.UTF_8).split("\\|", 3);
            return parts.length == 3 ? Optional.of(new Unsubscribe(UUID.fromString(parts[0]), parts[1], parts[2]))
                    : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
