package academy.cedarheights.families;

import academy.cedarheights.platform.web.ConflictWithCurrentState;

/** A parent acted on their family before creating their profile. */
class FamilyNotSetUp extends ConflictWithCurrentState {

    FamilyNotSetUp() {
        super("Create your family profile first (POST /api/v1/parent/payees/self).");
    }
}
