package academy.cedarheights.schools;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record SemesterRequest(@NotBlank @Size(max = 100) String name, @NotNull LocalDate startDate,
                              @NotNull LocalDate endDate) {
}
