package academy.cedarheights.identity;

import java.text.ParseException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.schools.SchoolSummary;
import academy.cedarheights.schools.Schools;
import com.nimbusds.jwt.JWTParser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exchanges a verified Supabase access token for our backend token, and refreshes either kind: a
 * still-valid backend token is renewed for its own school with its role derived afresh.
 */
@Service
class SupabaseExchange {

    private final SupabaseTokens supabase;
    private final JwtDecoder backendTokens;
    private final JwtProperties jwt;
    private final Roles roles;
    private final BackendTokens tokens;
    private final Schools schools;
    private final SignInAudit audit;
    private final TransactionTemplate transaction;
    private final Sessions sessions;
    private final Accounts accounts;

    SupabaseExchange(SupabaseProperties properties, IdentityProperties identity, JwtDecoder backendTokens,
                     JwtProperties jwt, Roles roles, BackendTokens tokens, Schools schools, SignInAudit audit,
                     TransactionTemplate transaction, Clock clock, Sessions sessions, Accounts accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.supabase = new SupabaseTokens(properties, identity.signingKeyRefetchInterval(), clock);
        this.backendTokens = backendTokens;
        this.jwt = jwt;
        this.roles = roles;
        this.tokens = tokens;
        this.schools = schools;
        this.audit = audit;
        this.transaction = transaction;
    }

    void forgetSigningKeys() {
        supabase.forgetKeys();
    }

    TokenAnswer exchange(CurrentSchool school, String accessToken) {
        SupabaseIdentity identity;
        try {
            identity = supabase.verify(accessToken);
        } catch (TokenRejected e) {
            audit.refused(school.id(), "supabase", "supabase", e.getMessage());
            throw e;
        }
        // Supabase confirms addresses before it signs anyone in (the project keeps "Confirm email" on)
        return transaction.execute(status -> {
            Caller caller = new Caller(identity.subject(), identity.email(),
                    roles.of(school.id(), identity.email(), true), school.slug(), true);
            audit.signedIn(school.id(), caller, "supabase");
            return tokens.issue(caller, sessions.start(school.slug(), caller.subject(), SessionClaims.SUPABASE));
        });
    }

    TokenAnswer refresh(String token, Supplier<CurrentSchool> requestSchool) {
        if (!jwt.issuer().equals(unverifiedIssuer(token))) {
            CurrentSchool school = requestSchool.get();
            return TenantContext.callAs(school.id(), () -> exchange(school, token));
        }
        Jwt current = decodeBackendToken(token);
        String slug = current.getClaimAsString("school");
        SchoolSummary school = schools.findBySlug(slug).orElseThrow(() -> new TokenRejected("The token's school no longer exists."));
        SessionClaims session = sessions.continued(current);
        return TenantContext.callAs(school.id(), () -> transaction.execute(status -> {
            String email = current.getClaimAsString("email");
            boolean verified = emailVerified(school.id(), current.getSubject(), session);
            Caller caller = new Caller(current.getSubject(), email, roles.of(school.id(), email, verified), slug, verified);
            audit.signedIn(school.id(), caller, "refresh");
            return tokens.issue(caller, session);
        }));
    }

    /** A Supabase identity is proven; a built-in account must still exist, and says itself whether it is proven. */
    private boolean emailVerified(UUID school, String subject, SessionClaims session) {
        if (SessionClaims.SUPABASE.equals(session.method())) {
            return true;
        }
        return parseUuid(subject).flatMap(id -> accounts.byId(school, id))
                .orElseThrow(() -> new TokenRejected("The account of this token no longer exists."))
                .emailVerified();
    }

    private static Optional<UUID> parseUuid(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Jwt decodeBackendToken(String token) {
        try {
            return backendTokens.decode(token);
        } catch (JwtException e) {
            throw new TokenRejected("The token cannot be refreshed: " + e.getMessage());
        }
    }

    private static String unverifiedIssuer(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new TokenRejected("The token is not a well-formed JWT.");
        }
    }
}
