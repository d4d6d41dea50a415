package academy.cedarheights.platform.web;

/** A delete refused because other records depend on this one; the message says which. Answered 409. */
public class StillInUse extends ConflictWithCurrentState {

    public StillInUse(String detail) {
        super(detail);
    }
}
