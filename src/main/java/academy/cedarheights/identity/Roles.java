package academy.cedarheights.identity;

import java.util.UUID;

import academy.cedarheights.platform.security.Role;
import academy.cedarheights.schools.Catalogue;
import academy.cedarheights.schools.Schools;
import org.springframework.stereotype.Component;

/**
 * Derives a person's role in a school at every sign-in: admin if the address is on the allowlist, teacher if it is
 * an active teacher's, else parent — and the first two only for an address its owner proved. Anyone can type an
 * address; only its owner can open the link sent to it.
 */
@Component
class Roles {

    private final Schools schools;
    private final Catalogue catalogue;

    Roles(Schools schools, Catalogue catalogue) {
        this.schools = schools;
        this.catalogue = catalogue;
    }

    Role of(UUID schoolId, String email, boolean emailVerified) {
        if (!emailVerified) {
            return Role.PARENT;
        }
        if (schools.isAdmin(schoolId, email)) {
            return Role.ADMIN;
        }
        return catalogue.isActiveTeacher(schoolId, email) ? Role.TEACHER : Role.PARENT;
    }
}
