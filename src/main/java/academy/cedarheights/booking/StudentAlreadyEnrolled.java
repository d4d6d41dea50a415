package academy.cedarheights.booking;

import academy.cedarheights.platform.web.ConflictWithCurrentState;

public class StudentAlreadyEnrolled extends ConflictWithCurrentState {

    public StudentAlreadyEnrolled() {
        super("This student already holds a weekly slot; cancel it before booking another.");
    }
}
