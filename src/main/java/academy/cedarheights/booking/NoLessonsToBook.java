package academy.cedarheights.booking;

import academy.cedarheights.platform.web.ConflictWithCurrentState;

public class NoLessonsToBook extends ConflictWithCurrentState {

    public NoLessonsToBook() {
        super("No semester has lessons on this slot from that date; the school has not opened one yet.");
    }
}
