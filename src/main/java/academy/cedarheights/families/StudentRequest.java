package academy.cedarheights.families;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A student as an admin records them, for any family of the school. */
public record StudentRequest(
        @NotNull UUID payeeId,
        @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate birthDate,
        @NotNull UUID instrumentId,
        UUID teacherPrefId,
        @NotNull @AssertTrue(message = "must be true: the school's policy must be accepted") Boolean consentPolicyAccepted) {

    StudentDetails details() {
        return new StudentDetails(name, birthDate, instrumentId, teacherPrefId, consentPolicyAccepted);
    }
}
