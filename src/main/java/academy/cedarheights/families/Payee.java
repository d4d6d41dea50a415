package academy.cedarheights.families;

import java.time.Instant;
import java.util.UUID;

/** A family's payer: the parent or guardian who pays and, when they sign in, whose account this is. */
public record Payee(UUID id, String name, String email, String phone, String status, boolean signsIn,
                    String notes, Instant createdAt, Instant updatedAt) {
}
