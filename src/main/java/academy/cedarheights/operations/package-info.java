/**
 * Operations: what the people running a school and the deployment need — the dashboard, dead
 * letters, the audit log, and the demo school loaded on a fresh embedded database. It sits above every other module
 * (nothing depends on it), so its dashboard may read any of them in one query.
 */
@ApplicationModule(displayName = "Operations",
        allowedDependencies = {"platform", "identity", "schools", "families", "booking", "billing", "lessons",
                "notifications"})
package academy.cedarheights.operations;

import org.springframework.modulith.ApplicationModule;
