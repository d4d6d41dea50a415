package academy.cedarheights.booking;

import academy.cedarheights.platform.web.ConflictWithCurrentState;

/** The family holds as many slots without a card as the school allows. Answered 409. */
public class TooManyHolds extends ConflictWithCurrentState {

    TooManyHolds(int allowed) {
        super("Your family already holds " + allowed + " lesson slots waiting for a card. Add a card to keep them, "
                + "or cancel one, before holding another.");
    }

    @Override
    public String problemType() {
        return "too-many-holds";
    }
}
