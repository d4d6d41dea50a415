package academy.cedarheights.booking;

import java.time.LocalDate;
import java.util.UUID;

import academy.cedarheights.platform.Money;

/**
 * The latest renewal of a term booking, as its answers show it ({@code state}: {@code notice_sent}, {@code opted_out},
 * {@code charged}, {@code failed} or {@code ended}); read from billing's published {@code latest_renewals}.
 */
public record Renewal(UUID semesterId, String state, Money amount, LocalDate chargeOn) {
}
