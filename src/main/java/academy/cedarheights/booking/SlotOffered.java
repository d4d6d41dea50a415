package academy.cedarheights.booking;

import academy.cedarheights.platform.web.ConflictWithCurrentState;

/** The slot is held for a family on the waitlist until its offer is answered or runs out. */
public class SlotOffered extends ConflictWithCurrentState {

    public SlotOffered() {
        super("This slot is offered to a family on the waitlist for now; join the waitlist to be offered the next one.");
    }
}
