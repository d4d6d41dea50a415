package academy.cedarheights.families;

import java.util.UUID;

/**
 * A module's part of a family's data export (PIPEDA access right): each module that keeps data about a
 * family contributes one section, so the export grows with the product without families knowing it all.
 */
public interface FamilyRecords {

    /** The section's name in the export document, e.g. {@code enrollments}. */
    String section();

    /** Everything this module holds about the family, ready to be written as JSON. */
    Object collect(UUID schoolId, UUID payeeId, String payeeEmail);
}
