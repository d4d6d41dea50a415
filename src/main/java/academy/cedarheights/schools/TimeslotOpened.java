package academy.cedarheights.schools;

import java.util.UUID;

/** A timeslot was created or changed and is open for booking; published in that transaction (the waitlist offers it). */
public record TimeslotOpened(UUID schoolId, UUID timeslotId) {
}
