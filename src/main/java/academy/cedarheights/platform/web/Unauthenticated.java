package academy.cedarheights.platform.web;

/** The caller could not be identified: bad credentials, or a token that was refused. Answered 401. */
public abstract class Unauthenticated extends RuntimeException {

    protected Unauthenticated(String detail) {
        super(detail);
    }
}
