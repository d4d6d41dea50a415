package academy.cedarheights.platform.web;

/** A record that must be unique already exists; the message names it. Answered 409. */
public class AlreadyExists extends ConflictWithCurrentState {

    public AlreadyExists(String detail) {
        super(detail);
    }
}
