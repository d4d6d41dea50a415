package academy.cedarheights.identity;

import java.time.Clock;
import java.time.Instant;

import academy.cedarheights.platform.security.Caller;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues our own HS256 token: {@code sub}, {@code email}, {@code email_verified}, {@code role}, {@code school},
 * {@code iat}, {@code exp}, {@code iss}, and the session it belongs to ({@code sid}, {@code auth_time}, {@code gen},
 * {@code idp}; see {@link Sessions}).
 */
@Component
class BackendTokens {

    private final JwtEncoder encoder;
    private final JwtProperties properties;
    private final Clock clock;

    BackendTokens(JwtEncoder encoder, JwtProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    TokenAnswer issue(Caller caller, SessionClaims session) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(caller.subject())
                .issuedAt(now)
                .expiresAt(now.plus(properties.lifetime()))
                .claim("email", caller.email())
                .claim("role", caller.role().claim())
                .claim("school", caller.school())
                .claim("email_verified", caller.emailVerified())
                .claim("sid", session.id().toString())
                .claim("auth_time", session.startedAt().getEpochSecond())
                .claim("gen", session.generation())
                .claim("idp", session.method())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new TokenAnswer(token, "Bearer", properties.lifetime().toSeconds(), caller.role().claim(),
                caller.emailVerified());
    }
}
