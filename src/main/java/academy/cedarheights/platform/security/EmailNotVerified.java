package academy.cedarheights.platform.security;

import academy.cedarheights.platform.web.NotAllowed;

/** The caller has not yet proved their email address, and what they asked for needs it. Answered 403. */
public class EmailNotVerified extends NotAllowed {

    public EmailNotVerified() {
        super("Confirm your email address first: open the link we sent you (or ask for a new one).");
    }

    @Override
    public String problemType() {
        return "email-not-verified";
    }
}
