package academy.cedarheights.platform.web;

/**
 * Something the caller asked for does not exist for them: absent, or another school's or another
 * family's (which must look the same). Answered 404.
 */
public abstract class ResourceNotFound extends RuntimeException {

    protected ResourceNotFound(String detail) {
        super(detail);
    }
}
