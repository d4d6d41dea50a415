/**
 * Families: the payee (the parent or guardian who pays, and the Stripe customer, so siblings share a
 * card) and their children, with consent to the school's policy, soft deletion, erasure and the export of
 * everything held about a family.
 */
@ApplicationModule(displayName = "Families",
        allowedDependencies = {"platform", "schools", "notifications", "identity"})
package academy.cedarheights.families;

import org.springframework.modulith.ApplicationModule;
