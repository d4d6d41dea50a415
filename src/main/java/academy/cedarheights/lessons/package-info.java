/**
 * Lessons: the dated occurrences of active enrollments (derived, never stored), attendance,
 * no-shows, make-up credits and make-up bookings.
 */
@ApplicationModule(displayName = "Lessons",
        allowedDependencies = {"platform", "schools", "notifications", "families"})
package academy.cedarheights.lessons;

import org.springframework.modulith.ApplicationModule;
