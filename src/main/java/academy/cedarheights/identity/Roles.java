package academy.cedarheights.identity;

import java.util.UUID;

import academy.cedarheights.platform.security.Role;
import academy.cedarheights.schools.Catalogue;
import academy.cedarheights.schools.Schools;
import org.springframework.stereotype.Component;

/** Derives a person's role in a school at sign-in: admin if allow-listed, teacher if an active teacher, else parent. */
@Component
class Roles {

    private final Schools schools;
    private final Catalogue catalogue;

    Roles(Schools schools, Catalogue catalogue) {
        this.schools = schools;
        this.catalogue = catalogue;
    }

    Role of(UUID schoolId, String email) {
        if (schools.isAdmin(schoolId, email)) {
            return Role.ADMIN;
        }
        return catalogue.isActiveTeacher(schoolId, email) ? Role.TEACHER : Role.PARENT;
    }
}
