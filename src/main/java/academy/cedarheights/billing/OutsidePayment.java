package academy.cedarheights.billing;

import java.util.UUID;

import academy.cedarheights.platform.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Money the school received outside the payment provider, as an admin records it. */
public record OutsidePayment(@NotNull @Valid Money amount,
                             @NotNull @Pattern(regexp = "cash|cheque|e_transfer|other",
                                     message = "must be one of cash, cheque, e_transfer, other") String method,
                             @Size(max = 500) String note, UUID enrollmentId) {
}
