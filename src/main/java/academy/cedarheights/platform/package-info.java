/**
 * Cross-cutting infrastructure every module stands on: the database (embedded PostgreSQL by default,
 * {@code DATABASE_URL} otherwise), background jobs on db-scheduler with retries and dead letters,
 * RFC 9457 problem answers, request ids, and small shared values such as {@link academy.cedarheights.platform.Money}.
 * It holds no business rules and depends on no business module.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package academy.cedarheights.platform;

import org.springframework.modulith.ApplicationModule;
