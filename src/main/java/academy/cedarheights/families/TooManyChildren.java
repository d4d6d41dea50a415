package academy.cedarheights.families;

import academy.cedarheights.platform.web.ConflictWithCurrentState;

/** The family has as many children as one family may have. Answered 409. */
public class TooManyChildren extends ConflictWithCurrentState {

    TooManyChildren() {
        super("A family may have at most " + Students.MAX_CHILDREN + " children; ask the school if yours has more.");
    }

    @Override
    public String problemType() {
        return "too-many-children";
    }
}
