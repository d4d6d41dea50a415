package academy.cedarheights.families;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A child as a parent describes them; the family's consent to the school's policy is required. */
public record StudentDetails(
        @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate birthDate,
        @NotNull UUID instrumentId,
        UUID teacherPrefId,
        @NotNull @AssertTrue(message = "must be true: the school's policy must be accepted") Boolean consentPolicyAccepted) {
}
