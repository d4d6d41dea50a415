/**
 * Enrollments: a student holding a weekly timeslot. Booking holds a slot provisionally, billing
 * activates it, expiry and cancellation free it.
 * <p>
 * Rules it owns: at most one provisional or active enrollment per timeslot and per student (partial
 * unique indexes in the database stand behind the row lock taken while booking). It also answers
 * which slots are open, since "open" means "no provisional or active holder".
 */
@ApplicationModule(displayName = "Booking",
        allowedDependencies = {"platform", "schools", "notifications", "families"})
package academy.cedarheights.booking;

import org.springframework.modulith.ApplicationModule;
