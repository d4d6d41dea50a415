package academy.cedarheights.identity;

import academy.cedarheights.platform.web.NotAllowed;

/** A token issued for one school was used against another. */
class WrongSchool extends NotAllowed {

    WrongSchool(String tokenSchool, String requestedSchool) {
        super("This token is for school '" + tokenSchool + "', not '" + requestedSchool + "'.");
    }
}
