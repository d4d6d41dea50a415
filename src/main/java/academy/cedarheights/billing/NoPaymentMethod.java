package academy.cedarheights.billing;

import academy.cedarheights.platform.web.ResourceNotFound;

/** The family has no payment method on file yet. */
public class NoPaymentMethod extends ResourceNotFound {

    public NoPaymentMethod() {
        super("No payment method is on file for this family yet.");
    }
}
