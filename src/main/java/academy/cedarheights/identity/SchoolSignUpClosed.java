package academy.cedarheights.identity;

import academy.cedarheights.platform.web.NotAllowed;

class SchoolSignUpClosed extends NotAllowed {

    SchoolSignUpClosed() {
        super("New schools cannot sign up on this deployment; ask its operator.");
    }
}
