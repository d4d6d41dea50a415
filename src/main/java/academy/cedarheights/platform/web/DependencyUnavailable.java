package academy.cedarheights.platform.web;

/** A service we depend on (Supabase, Stripe…) cannot be reached right now; answered 503, try again later. */
public abstract class DependencyUnavailable extends RuntimeException {

    protected DependencyUnavailable(String detail, Throwable cause) {
        super(detail, cause);
    }
}
