package academy.cedarheights.schools;

import academy.cedarheights.platform.web.ConflictWithCurrentState;

public class SlugTaken extends ConflictWithCurrentState {

    public SlugTaken(String slug) {
        super("The address '" + slug + "' is already taken by another school.");
    }
}
