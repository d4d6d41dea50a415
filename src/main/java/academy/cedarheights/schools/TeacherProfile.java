package academy.cedarheights.schools;

import java.util.List;
import java.util.UUID;

/** A teacher as families see them: no email, no pay. */
public record TeacherProfile(UUID id, String name, String bio, List<InstrumentView> instruments) {
}
