package academy.cedarheights.identity;

import java.text.ParseException;
import java.time.Clock;
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

    SupabaseExchange(SupabaseProperties properties, IdentityProperties identity, JwtDecoder backendTokens,
                     JwtProperties jwt, Roles roles, BackendTokens tokens, Schools schools, SignInAudit audit,
                     TransactionTemplate transaction, Clock clock) {
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
        return transaction.execute(status -> {
            Caller caller = new Caller(identity.subject(), identity.email(),
                    roles.of(school.id(), identity.email()), school.slug());
            audit.signedIn(school.id(), caller, "supabase");
            return tokens.issue(caller);
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
        return TenantContext.callAs(school.id(), () -> transaction.execute(status -> {
            String email = current.getClaimAsString("email");
            Caller caller = new Caller(current.getSubject(), email, roles.of(school.id(), email), slug);
            audit.signedIn(school.id(), caller, "refresh");
            return tokens.issue(caller);
        }));
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
