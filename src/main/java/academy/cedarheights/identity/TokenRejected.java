package academy.cedarheights.identity;

import academy.cedarheights.platform.web.Unauthenticated;

/** A token that was presented for exchange or refresh and refused; the message says why. */
class TokenRejected extends Unauthenticated {

    TokenRejected(String reason) {
        super(reason);
    }
}
