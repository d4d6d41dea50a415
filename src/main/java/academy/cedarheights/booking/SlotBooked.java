package academy.cedarheights.booking;

import java.util.UUID;

/** A slot was just held for a student; published inside the booking transaction (billing starts from it). */
public record SlotBooked(UUID schoolId, UUID enrollmentId, boolean alreadyPaid) {
}
