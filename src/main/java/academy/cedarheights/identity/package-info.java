/**
 * Who is asking and for which school: built-in accounts, Supabase token exchange, our own backend
 * JWT, roles (admin, teacher, parent) and the resolution of the school a request acts for (token,
 * {@code X-School} header, host, default school). Owns the security filter chain.
 * <p>
 * Its rules: a role other than parent, and a family record the school made, come only with a proven address
 * ({@link academy.cedarheights.identity.EmailVerifications}, {@link academy.cedarheights.identity.Invitations}, a
 * password reset, or Supabase); sessions end everywhere on request or on a password reset
 * ({@link academy.cedarheights.identity.Sessions}); one-time links are stored only as hashes. It publishes
 * {@link academy.cedarheights.identity.ParentSignedUp} and {@link academy.cedarheights.identity.EmailVerified}, which
 * the families module turns into family records.
 */
@ApplicationModule(displayName = "Identity and access",
        allowedDependencies = {"platform", "schools", "notifications"})
package academy.cedarheights.identity;

import org.springframework.modulith.ApplicationModule;
