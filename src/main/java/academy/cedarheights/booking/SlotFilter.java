package academy.cedarheights.booking;

import java.util.UUID;

/** Narrows the public timetable; every field is optional. */
public record SlotFilter(UUID teacherId, Integer weekday, UUID instrumentId, Boolean active, Boolean available) {
}
