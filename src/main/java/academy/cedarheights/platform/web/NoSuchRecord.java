package academy.cedarheights.platform.web;

import java.util.UUID;

/** No record of that kind with that id in the caller's school (or family). Answered 404. */
public class NoSuchRecord extends ResourceNotFound {

    public NoSuchRecord(String kind, UUID id) {
        super("No " + kind + " with id " + id + ".");
    }
}
