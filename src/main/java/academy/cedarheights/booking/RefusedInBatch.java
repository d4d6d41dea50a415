package academy.cedarheights.booking;

import java.util.UUID;

import academy.cedarheights.platform.web.ConflictWithCurrentState;

/** One booking of a batch was refused — its slot held, its child already enrolled — so none of them was made. */
public class RefusedInBatch extends ConflictWithCurrentState {

    public RefusedInBatch(int index, UUID timeslotId, String why) {
        super("bookings[" + index + "] (slot " + timeslotId + "): " + why + " None of the bookings was made.");
    }
}
