package academy.cedarheights.operations;

import java.time.LocalDate;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An incident as the school describes it: what happened (and when, if known), when it was found, what information and
 * how many families it touched, whether it could cause them significant harm (then the Commissioner and the families
 * must be told), and who has been told so far.
 */
public record IncidentRequest(@NotBlank @Size(max = 4000) String whatHappened, LocalDate happenedOn,
                              @NotNull LocalDate foundOn, @NotBlank @Size(max = 2000) String dataAffected,
                              @NotNull @Min(0) Integer familiesAffected, @NotNull Boolean significantHarm,
                              @Size(max = 4000) String notificationsMade) {
}
