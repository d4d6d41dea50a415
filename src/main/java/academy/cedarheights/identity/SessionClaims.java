package academy.cedarheights.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * What a token says about the sign-in it belongs to, carried unchanged from token to refreshed token.
 *
 * @param id         the session ({@code sid}): a page sign-out revokes it alone
 * @param startedAt  when the person signed in ({@code auth_time}); refreshing stops at {@code APP_SESSION_MAX_AGE}
 * @param generation the identity's generation when it signed in ({@code gen}); "sign out everywhere" moves it on
 * @param method     how the identity was proven ({@code idp}): {@code password} (a built-in account) or {@code supabase}
 */
record SessionClaims(UUID id, Instant startedAt, int generation, String method) {

    static final String PASSWORD = "password";
    static final String SUPABASE = "supabase";
}
