package academy.cedarheights.schools;

import java.util.UUID;

/**
 * A school's semesters or closures changed: its lessons fall on other days now. Published inside that transaction
 * (billing's renewals follow it).
 */
public record CalendarChanged(UUID schoolId) {
}
