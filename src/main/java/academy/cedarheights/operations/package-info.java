/**
 * Operations: what the people running a school and the deployment need — the dashboard, dead
 * letters, the audit log, and the demo school loaded on a fresh embedded database.
 */
@ApplicationModule(displayName = "Operations",
        allowedDependencies = {"platform", "identity", "lessons"})
package academy.cedarheights.operations;

import org.springframework.modulith.ApplicationModule;
