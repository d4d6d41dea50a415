package academy.cedarheights.identity;

import academy.cedarheights.platform.web.DependencyUnavailable;

/** Supabase's signing keys could not be fetched: the token may be fine, so this is 503, not 401. */
class IdentityProviderUnavailable extends DependencyUnavailable {

    IdentityProviderUnavailable(Throwable cause) {
        super("The sign-in provider cannot be reached right now; please try again shortly.", cause);
    }
}
