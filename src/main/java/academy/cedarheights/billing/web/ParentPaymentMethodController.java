package academy.cedarheights.billing.web;

import java.util.Map;

import academy.cedarheights.billing.CardSetups;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/parent/payment-method", produces = "application/json")
@Tag(name = "Parent")
class ParentPaymentMethodController {

    private final CardSetups cards;

    ParentPaymentMethodController(CardSetups cards) {
        this.cards = cards;
    }

    @PostMapping("/setup")
    @Operation(summary = "Where to add a card: Stripe Checkout in setup mode, or the simulated checkout page")
    Map<String, String> setup(CurrentSchool school, Caller caller) {
        return Map.of("url", cards.setupUrl(school, caller));
    }
}
