package academy.cedarheights.families;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A child of a family, with the instrument they learn and when their family accepted the school's policy. */
public record Student(UUID id, UUID payeeId, String name, LocalDate birthDate, UUID instrumentId, UUID teacherPrefId,
                      boolean consentPolicyAccepted, Instant consentPolicyAcceptedAt, Instant createdAt,
                      Instant updatedAt) {
}
