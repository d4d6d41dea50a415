package academy.cedarheights.booking;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Several children's weekly slots, held together or not at all. */
public record BatchBooking(@NotNull @Size(min = 1, max = 10) List<@NotNull @Valid BookSlot> bookings) {
}
