package academy.cedarheights.families;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record PayeeRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9 ()-]{7,20}", message = "must be a phone number such as +1 604 555 0142") String phone,
        @NotNull @Pattern(regexp = "active|inactive", message = "must be active or inactive") String status,
        @Size(max = 4000) String notes) {
}
