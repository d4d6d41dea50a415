/**
 * The school and its catalogue: the school's settings and prices, instruments, teachers, rooms,
 * weekly timeslots, semesters and closures.
 * <p>
 * Rules it owns (most enforced by the database): instrument names unique per school; a teacher's
 * and a room's weekly slots never overlap; semesters never overlap. Public discovery of the school,
 * its instruments, teachers and prices is served from here; open slots are the booking module's.
 */
@ApplicationModule(displayName = "Schools and catalogue",
        allowedDependencies = {"platform"})
package academy.cedarheights.schools;

import org.springframework.modulith.ApplicationModule;
