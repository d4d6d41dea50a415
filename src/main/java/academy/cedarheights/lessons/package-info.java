/**
 * Lessons: the dated occurrences of active enrollments (derived, never stored), attendance,
 * no-shows, make-up credits and make-up bookings. It reads booking's enrollments in its own queries (a lesson is an
 * enrollment's date) and publishes {@code booked_make_up_lessons} for booking, which may not depend on it.
 */
@ApplicationModule(displayName = "Lessons",
        allowedDependencies = {"platform", "schools", "notifications", "families", "booking"})
package academy.cedarheights.lessons;

import org.springframework.modulith.ApplicationModule;
