/**
 * Billing: the payment gateway port with its Stripe and simulated adapters, the billing pipeline
 * that turns a provisional booking into an active one, Stripe webhooks and the payment history.
 */
@ApplicationModule(displayName = "Billing",
        allowedDependencies = {"platform", "schools", "notifications", "families", "booking"})
package academy.cedarheights.billing;

import org.springframework.modulith.ApplicationModule;
