package academy.cedarheights.identity;

import java.util.UUID;

import academy.cedarheights.schools.Catalogue;
import org.springframework.stereotype.Component;

/** Derives a person's role in a school at sign-in: admin if allow-listed, teacher if an active teacher, else parent. */
@Component
class Roles {

    private final AdminAllowlist admins;
    private final Catalogue catalogue;

    Roles(AdminAllowlist admins, Catalogue catalogue) {
        this.admins = admins;
        this.catalogue = catalogue;
    }

    Role of(UUID schoolId, String email) {
        if (admins.contains(schoolId, email)) {
            return Role.ADMIN;
        }
        return catalogue.isActiveTeacher(schoolId, email) ? Role.TEACHER : Role.PARENT;
    }
}
