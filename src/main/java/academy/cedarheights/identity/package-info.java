/**
 * Who is asking and for which school: built-in accounts, Supabase token exchange, our own backend
 * JWT, roles (admin, teacher, parent) and the resolution of the school a request acts for (token,
 * {@code X-School} header, host, default school). Owns the security filter chain.
 */
@ApplicationModule(displayName = "Identity and access")
package academy.cedarheights.identity;

import org.springframework.modulith.ApplicationModule;
