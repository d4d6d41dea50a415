package academy.cedarheights.booking;

import java.time.LocalDate;
import java.util.UUID;

import academy.cedarheights.schools.BillingPlan;
import jakarta.validation.constraints.NotNull;

/** A request to hold a weekly slot for a student; without a start date, from the next lesson on. */
public record BookSlot(
        @NotNull UUID studentId,
        @NotNull UUID timeslotId,
        @NotNull BillingPlan billingPlan,
        LocalDate startDate) {
}
