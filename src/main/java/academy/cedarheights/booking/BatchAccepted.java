package academy.cedarheights.booking;

import java.util.List;

/** Each booking of a batch, in the order asked. */
public record BatchAccepted(List<BookingAccepted> bookings) {
}
