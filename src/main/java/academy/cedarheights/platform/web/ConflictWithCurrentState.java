package academy.cedarheights.platform.web;

/** The request is well formed but clashes with what exists now (a slot taken, a duplicate). Answered 409. */
public class ConflictWithCurrentState extends RuntimeException {

    public ConflictWithCurrentState(String detail) {
        super(detail);
    }

    /** The last segment of the problem's {@code type}, for a conflict a client should tell apart. */
    public String problemType() {
        return "conflict";
    }
}
