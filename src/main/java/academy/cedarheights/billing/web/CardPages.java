package academy.cedarheights.billing.web;

import academy.cedarheights.billing.CardSetups;
import academy.cedarheights.billing.PaymentMethods;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.WebPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The family's payment method page (where every "add a card" email leads) and "add a card": off to Stripe Checkout
 * in setup mode, or to the simulated checkout page without Stripe keys, and back here.
 */
@WebPage
class CardPages {

    private final CardSetups cards;
    private final PaymentMethods methods;

    CardPages(CardSetups cards, PaymentMethods methods) {
        this.cards = cards;
        this.methods = methods;
    }

    @GetMapping("/parent/payment-method")
    String paymentMethod(CurrentSchool school, Caller caller, Model model) {
        model.addAttribute("method", methods.onFile(school.id(), caller).orElse(null));
        return "billing/payment-method";
    }

    @PostMapping("/parent/card")
    String addCard(CurrentSchool school, Caller caller) {
        return "redirect:" + cards.setupUrl(school, caller);
    }
}
