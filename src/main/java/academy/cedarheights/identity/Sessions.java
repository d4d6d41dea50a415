package academy.cedarheights.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions that can be ended. A token carries its identity's generation and its session id; "sign out everywhere"
 * (or a password reset) moves the generation on, a page sign-out revokes one session. Every protected request checks
 * its token here against what this instance knows, in memory: the identities whose generation moved and the revoked
 * sessions, read in full at the first request and then as a feed of changes at most every {@link #READ_EVERY}, so an
 * ended session is refused by every instance within seconds (by this one at once) and a request costs no query.
 * Signing in and refreshing ask the database itself.
 */
@Component
class Sessions implements OAuth2TokenValidator<Jwt> {

    static final Duration READ_EVERY = Duration.ofSeconds(10);
    // a change is read again for this long after it was written, so one that committed late is not missed
    private static final Duration FEED_OVERLAP = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private final Map<String, Integer> generations = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Instant readAt = Instant.MIN;
    private volatile Timestamp changesSince = new Timestamp(0);
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

    /** A new sign-in of the identity: a new session in its current generation (as the database has it). */
    SessionClaims start(String schoolSlug, String subject, String method) {
        int generation = transaction.execute(status -> jdbc.sql(
                        "select generation from session_generations where school_slug = :school and subject = :subject")
                .param("school", schoolSlug).param("subject", subject).query(Integer.class).optional().orElse(1));
        return new SessionClaims(UUID.randomUUID(), clock.instant(), generation, method);
    }

    /** The session of a token being refreshed, if it may go on: checked against the database, not the memory. */
    SessionClaims continued(Jwt token) {
        SessionClaims session = claims(token);
        if (session.startedAt().plus(properties.sessionMaxAge()).isBefore(clock.instant())) {
            throw new TokenRejected("This session began more than " + properties.sessionMaxAge().toDays()
                    + " days ago; please sign in again.");
        }
        State state = transaction.execute(status -> jdbc.sql("""
                        select coalesce((select generation from session_generations
                                          where school_slug = :school and subject = :subject), 1) as generation,
                               exists (select 1 from revoked_sessions where session_id = :session) as revoked""")
                .param("school", token.getClaimAsString("school")).param("subject", token.getSubject())
                .param("session", session.id()).query(State.class).single());
        if (state.revoked() || session.generation() < state.generation()) {
            throw new TokenRejected("This session was ended; please sign in again.");
        }
        return session;
    }

    /** Ends every session of the identity, on every device: tokens issued before now are refused. */
    void endEverywhere(String schoolSlug, String subject) {
        int generation = transaction.execute(status -> jdbc.sql("""
                        insert into session_generations as g (school_slug, subject, generation, tokens_valid_after)
                        values (:school, :subject, 2, now())
                        on conflict (school_slug, subject)
                        do update set generation = g.generation + 1, tokens_valid_after = now()
                        returning generation""")
                .param("school", schoolSlug).param("subject", subject).query(Integer.class).single());
        afterCommit(() -> generations.merge(key(schoolSlug, subject), generation, Math::max));
    }

    /** Ends one session (a page sign-out): its tokens are refused until they would have expired anyway. */
    void end(Jwt token) {
        SessionClaims session = claims(token);
        Instant expires = session.startedAt().plus(properties.sessionMaxAge());
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into revoked_sessions (session_id, expires_at) values (:id, :expires)
                        on conflict (session_id) do nothing""")
                .param("id", session.id()).param("expires", Timestamp.from(expires)).update());
        afterCommit(() -> revoked.put(session.id(), expires));
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        catchUp();
        SessionClaims session = claims(token);
        int generation = generations.getOrDefault(key(token.getClaimAsString("school"), token.getSubject()), 1);
        // a token newer than what this instance has read was issued by one that read more: it stands
        boolean ended = revoked.containsKey(session.id()) || session.generation() < generation;
        return ended ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "This session was ended.", null))
                : OAuth2TokenValidatorResult.success();
    }

    /** Forgets revoked sessions whose tokens can no longer be refreshed anyway. */
    int forgetExpired() {
        return transaction.execute(status -> jdbc.sql("delete from revoked_sessions where expires_at < now()").update());
    }

    /** Reads what changed since the last read, unless that was moments ago or another request is reading it now. */
    private void catchUp() {
        if (readAt.plus(READ_EVERY).isAfter(clock.instant()) || !reading.tryLock()) {
            return;
        }
        try {
            Timestamp since = changesSince;
            Timestamp now = transaction.execute(status -> {
                jdbc.sql("""
                                select school_slug || '|' || subject as identity, generation from session_generations
                                 where tokens_valid_after > :since""")
                        .param("since", since).query((rs, row) -> generations.merge(rs.getString("identity"),
                                rs.getInt("generation"), Math::max)).list();
                jdbc.sql("select session_id, expires_at from revoked_sessions where revoked_at > :since and expires_at > now()")
                        .param("since", since).query((rs, row) -> revoked.put(rs.getObject("session_id", UUID.class),
                                rs.getTimestamp("expires_at").toInstant())).list();
                return jdbc.sql("select now()").query(Timestamp.class).single();
            });
            Instant instant = clock.instant();
            revoked.values().removeIf(expiry -> expiry.isBefore(instant));
            changesSince = Timestamp.from(now.toInstant().minus(FEED_OVERLAP));
            readAt = instant;
        } catch (RuntimeException e) {
            log.warn("Could not read ended sessions; keeping what was read before: {}", e.toString());
        } finally {
            reading.unlock();
        }
    }

    /** What this instance remembers changes only once the database has it: a rolled-back reset leaves no trace. */
    private static void afterCommit(Runnable remember) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember.run();
                }
            });
        } else {
            remember.run();
        }
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

    private static String key(String schoolSlug, String subject) {
        return schoolSlug + "|" + subject;
    }

    private record State(int generation, boolean revoked) {
    }
}
