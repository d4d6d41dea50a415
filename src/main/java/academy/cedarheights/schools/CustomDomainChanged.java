package academy.cedarheights.schools;

import java.util.UUID;

/** A school's own domain was set, changed or removed; published in that transaction. */
public record CustomDomainChanged(UUID schoolId) {
}
