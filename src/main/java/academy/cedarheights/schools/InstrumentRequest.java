package academy.cedarheights.schools;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record InstrumentRequest(@NotBlank @Size(max = 80) String name) {
}
