package academy.cedarheights.platform.jobs;

import java.util.UUID;

/** A job payload that belongs to one school, so its dead letter is shown to that school's admins. */
public interface SchoolScoped {

    UUID schoolId();
}
