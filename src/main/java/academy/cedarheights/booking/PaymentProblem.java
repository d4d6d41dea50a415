package academy.cedarheights.booking;

import java.time.Instant;

/** What is wrong with an active enrollment's payments, and since when (its slot is kept for the grace period). */
public record PaymentProblem(String reason, Instant since) {
}
