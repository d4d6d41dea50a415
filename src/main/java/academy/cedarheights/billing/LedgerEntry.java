package academy.cedarheights.billing;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import academy.cedarheights.platform.Money;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a family's account: a {@code charge} (positive), a {@code payment} or {@code credit} (negative), a
 * {@code refund} (money paid back, positive) or an {@code adjustment}; {@code status} {@code open}, {@code paid},
 * {@code processing}, {@code failed} or {@code void}. A paid payment has a receipt.
 */
public record LedgerEntry(UUID id, Instant occurredAt, String kind, Money amount, String description,
                          UUID enrollmentId, String status, String method,
                          @JsonInclude(JsonInclude.Include.ALWAYS) URI receiptUrl) {
}
