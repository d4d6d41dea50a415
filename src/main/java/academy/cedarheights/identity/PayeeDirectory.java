package academy.cedarheights.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Which payee (family) a signed-in identity is. Implemented by the families module; identity asks
 * through this interface so that it does not depend on families.
 */
public interface PayeeDirectory {

    Optional<UUID> payeeOf(UUID schoolId, String subject);
}
