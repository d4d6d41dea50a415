package academy.cedarheights.families;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a parent tells about themselves; their email comes from their sign-in. */
public record ProfileRequest(
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "\\+?[0-9 ()-]{7,20}", message = "must be a phone number such as +1 604 555 0142") String phone) {
}
