package academy.cedarheights.booking;

import academy.cedarheights.platform.web.ConflictWithCurrentState;

public class SlotAlreadyHeld extends ConflictWithCurrentState {

    public SlotAlreadyHeld() {
        super("This slot is already held by another student.");
    }
}
