package academy.cedarheights.booking;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** @param fromDate the first day the old slot is left (default: its next lesson) */
public record MoveRequest(@NotNull UUID timeslotId, LocalDate fromDate) {
}
