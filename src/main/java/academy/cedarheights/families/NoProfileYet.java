package academy.cedarheights.families;

import academy.cedarheights.platform.web.ResourceNotFound;

/** The signed-in parent has not created their family profile yet. */
public class NoProfileYet extends ResourceNotFound {

    NoProfileYet() {
        super("You have not created your family profile yet.");
    }
}
