package academy.cedarheights.schools;

import java.time.ZoneId;
import java.util.UUID;

/** A school's identity and time zone: what other modules need to act for it. */
public record SchoolSummary(UUID id, String slug, String name, ZoneId timeZone) {
}
