package academy.cedarheights.schools;

import academy.cedarheights.platform.web.ResourceNotFound;

/** No school answers to that slug. */
public class SchoolNotFound extends ResourceNotFound {

    public SchoolNotFound(String slug) {
        super("No school is known as '" + slug + "'.");
    }
}
