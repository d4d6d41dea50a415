package academy.cedarheights.identity;

import academy.cedarheights.platform.web.ConflictWithCurrentState;

class EmailAlreadyRegistered extends ConflictWithCurrentState {

    EmailAlreadyRegistered() {
        super("An account with this email already exists at this school; sign in instead.");
    }
}
