package academy.cedarheights.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions that can be ended. A token carries its identity's generation and its session id; "sign out everywhere"
 * (or a password reset, or a removed account) moves the generation on, a page sign-out revokes one session. Every
 * protected request checks its token here: what the database says about an identity is remembered for
 * {@link #REMEMBER_FOR}, so an ended session is refused by every instance within that time, by this one at once.
 */
@Component
class Sessions implements OAuth2TokenValidator<Jwt> {

    static final Duration REMEMBER_FOR = Duration.ofSeconds(30);
    private static final int MAX_REMEMBERED = 50_000;
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final IdentityProperties properties;
    private final Clock clock;

    Sessions(JdbcClient jdbc, TransactionTemplate transaction, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new sign-in of the identity: a new session in its current generation. */
    SessionClaims start(String schoolSlug, String subject, String method) {
        return new SessionClaims(UUID.randomUUID(), clock.instant(), generation(schoolSlug, subject), method);
    }

    /** The session of a token being refreshed, if it may go on: checked against the database, not the memory. */
    SessionClaims continued(Jwt token) {
        SessionClaims session = claims(token);
        if (session.startedAt().plus(properties.sessionMaxAge()).isBefore(clock.instant())) {
            throw new TokenRejected("This session began more than " + properties.sessionMaxAge().toDays()
                    + " days ago; please sign in again.");
        }
        if (!state(token.getClaimAsString("school"), token.getSubject(), session.id()).admits(session)) {
            throw new TokenRejected("This session was ended; please sign in again.");
        }
        return session;
    }

    /** Ends every session of the identity, on every device: tokens issued before now are refused. */
    void endEverywhere(String schoolSlug, String subject) {
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into session_generations as g (school_slug, subject, generation, tokens_valid_after)
                        values (:school, :subject, 2, now())
                        on conflict (school_slug, subject)
                        do update set generation = g.generation + 1, tokens_valid_after = now()""")
                .param("school", schoolSlug).param("subject", subject).update());
        recent.keySet().removeIf(key -> key.startsWith(schoolSlug + "|" + subject + "|"));
    }

    /** Ends one session (a page sign-out): its tokens are refused until they would have expired anyway. */
    void end(Jwt token) {
        SessionClaims session = claims(token);
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into revoked_sessions (session_id, expires_at) values (:id, :expires)
                        on conflict (session_id) do nothing""")
                .param("id", session.id())
                .param("expires", java.sql.Timestamp.from(session.startedAt().plus(properties.sessionMaxAge())))
                .update());
        recent.remove(key(token.getClaimAsString("school"), token.getSubject(), session.id()));
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        SessionClaims session = claims(token);
        String key = key(token.getClaimAsString("school"), token.getSubject(), session.id());
        Remembered remembered = recent.get(key);
        Instant now = clock.instant();
        if (remembered == null || remembered.at().plus(REMEMBER_FOR).isBefore(now)) {
            if (recent.size() > MAX_REMEMBERED) {
                recent.clear();
            }
            remembered = new Remembered(state(token.getClaimAsString("school"), token.getSubject(), session.id()), now);
            recent.put(key, remembered);
        }
        return remembered.state().admits(session) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "This session was ended.", null));
    }

    /** Forgets revoked sessions whose tokens can no longer be refreshed anyway. */
    int forgetExpired() {
        return transaction.execute(status -> jdbc.sql("delete from revoked_sessions where expires_at < now()").update());
    }

    private int generation(String schoolSlug, String subject) {
        return transaction.execute(status -> jdbc.sql(
                        "select generation from session_generations where school_slug = :school and subject = :subject")
                .param("school", schoolSlug).param("subject", subject).query(Integer.class).optional().orElse(1));
    }

    private State state(String schoolSlug, String subject, UUID sessionId) {
        return transaction.execute(status -> jdbc.sql("""
                        select coalesce((select generation from session_generations
                                          where school_slug = :school and subject = :subject), 1) as generation,
                               exists (select 1 from revoked_sessions where session_id = :session) as revoked""")
                .param("school", schoolSlug).param("subject", subject).param("session", sessionId)
                .query(State.class).single());
    }

    /**
     * The session claims of a token. Tokens issued before sessions existed carry none: they count as generation 1,
     * begun when issued, so "sign out everywhere" ends them too.
     */
    static SessionClaims claims(Jwt token) {
        String sid = token.getClaimAsString("sid");
        Object gen = token.getClaims().get("gen");
        Instant started = token.getClaims().get("auth_time") instanceof Number seconds
                ? Instant.ofEpochSecond(seconds.longValue()) : token.getIssuedAt();
        return new SessionClaims(sid == null ? new UUID(0, 0) : UUID.fromString(sid), started,
                gen instanceof Number number ? number.intValue() : 1,
                token.getClaimAsString("idp") == null ? SessionClaims.PASSWORD : token.getClaimAsString("idp"));
    }

    private static String key(String schoolSlug, String subject, UUID session) {
        return schoolSlug + "|" + subject + "|" + session;
    }

    private record State(int generation, boolean revoked) {

        boolean admits(SessionClaims session) {
            return !revoked && session.generation() == generation;
        }
    }

    private record Remembered(State state, Instant at) {
    }
}
