package academy.cedarheights.schools;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.platform.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record TeacherRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 4000) String bio,
        @NotNull @Size(max = 20) List<@NotNull UUID> instrumentIds,
        @NotNull @Valid Money payPerLesson,
        @NotNull Boolean active) {
}
