package academy.cedarheights.platform.security;

/**
 * The signed-in person behind a request, as our backend token says (the identity module issues it).
 * A controller declares a parameter of this type to receive it.
 *
 * @param subject the stable identity: a built-in account's id or the Supabase user id
 * @param school  the slug of the school the token was issued for
 */
public record Caller(String subject, String email, Role role, String school) {
}
