package academy.cedarheights.schools;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record RoomRequest(@NotBlank @Size(max = 80) String name, @NotNull Boolean active) {
}
