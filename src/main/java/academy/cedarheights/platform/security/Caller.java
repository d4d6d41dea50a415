package academy.cedarheights.platform.security;

/**
 * The signed-in person behind a request, as our backend token says (the identity module issues it).
 * A controller declares a parameter of this type to receive it.
 *
 * @param subject       the stable identity: a built-in account's id or the Supabase user id
 * @param school        the slug of the school the token was issued for
 * @param emailVerified whether the owner of {@code email} proved it (a verification link, an invitation, a password
 *                      reset, or Supabase, which confirms addresses); a role other than parent needs it
 */
public record Caller(String subject, String email, Role role, String school, boolean emailVerified) {

    /** Holding a slot commits the school's time: only someone who proved their address may do it. */
    public void requireVerifiedEmail() {
        if (!emailVerified) {
            throw new EmailNotVerified();
        }
    }
}
