package academy.cedarheights.platform.web;

/** The caller is known but may not do this (wrong role, another school's token). Answered 403. */
public abstract class NotAllowed extends RuntimeException {

    protected NotAllowed(String detail) {
        super(detail);
    }

    /** The last segment of the problem's {@code type}, for a refusal a client should tell apart. */
    public String problemType() {
        return "forbidden";
    }
}
