package academy.cedarheights.billing;

import academy.cedarheights.platform.web.InvalidField;

/** A webhook whose Stripe-Signature is missing, wrong, or too old: refused with 400. */
class InvalidSignature extends InvalidField {

    InvalidSignature(String reason) {
        super("Stripe-Signature", reason);
    }
}
