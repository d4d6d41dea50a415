package academy.cedarheights.billing.web;

import java.util.Map;

import academy.cedarheights.billing.CardSetups;
import academy.cedarheights.billing.NoPaymentMethod;
import academy.cedarheights.billing.PaymentMethods;
import academy.cedarheights.billing.gateway.PaymentMethodDetails;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/parent/payment-method", produces = "application/json")
@Tag(name = "Parent")
class ParentPaymentMethodController {

    private final CardSetups cards;
    private final PaymentMethods methods;

    ParentPaymentMethodController(CardSetups cards, PaymentMethods methods) {
        this.cards = cards;
        this.methods = methods;
    }

    @GetMapping
    @Operation(summary = "The family's payment method: a card's brand, last 4 and expiry, or a bank debit's bank; "
            + "404 when there is none")
    PaymentMethodDetails onFile(CurrentSchool school, Caller caller) {
        return methods.onFile(school.id(), caller).orElseThrow(NoPaymentMethod::new);
    }

    @PostMapping("/setup")
    @Operation(summary = "Where to add a card: Stripe Checkout in setup mode, or the simulated checkout page")
    Map<String, String> setup(CurrentSchool school, Caller caller) {
        return Map.of("url", cards.setupUrl(school, caller));
    }
}
