package academy.cedarheights.schools;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ClosureRequest(@NotNull LocalDate startDate, @NotNull LocalDate endDate, @Size(max = 500) String reason) {
}
