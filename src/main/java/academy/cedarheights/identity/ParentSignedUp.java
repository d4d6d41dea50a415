package academy.cedarheights.identity;

import java.util.UUID;

/** A parent created a built-in account; published inside the sign-up transaction so the family can be created with it. */
public record ParentSignedUp(UUID schoolId, String subject, String email, String name) {
}
