package academy.cedarheights.booking;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A request to hold a weekly slot for a student; without a start date, from the next lesson on. */
public record BookSlot(
        @NotNull UUID studentId,
        @NotNull UUID timeslotId,
        @NotNull @Pattern(regexp = "monthly|semester|yearly", message = "must be monthly, semester or yearly") String billingPlan,
        LocalDate startDate) {
}
