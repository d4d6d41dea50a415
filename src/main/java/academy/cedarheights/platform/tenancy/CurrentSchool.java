package academy.cedarheights.platform.tenancy;

import java.time.ZoneId;
import java.util.UUID;

/**
 * The school a request acts for. A controller declares a parameter of this type to receive it; how
 * it is chosen (token, {@code X-School}, host, default) is the identity module's business.
 */
public record CurrentSchool(UUID id, String slug, ZoneId timeZone) {
}
