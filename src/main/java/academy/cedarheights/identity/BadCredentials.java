package academy.cedarheights.identity;

import academy.cedarheights.platform.web.Unauthenticated;

/** Unknown email or wrong password: deliberately one answer for both, so accounts cannot be probed. */
class BadCredentials extends Unauthenticated {

    BadCredentials() {
        super("The email or password is not correct.");
    }
}
