package academy.cedarheights.billing.web;

import academy.cedarheights.billing.CardSetups;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.WebPage;
import org.springframework.web.bind.annotation.PostMapping;

/** "Add a card": off to Stripe Checkout in setup mode, or to the simulated checkout page without Stripe keys. */
@WebPage
class CardPages {

    private final CardSetups cards;

    CardPages(CardSetups cards) {
        this.cards = cards;
    }

    @PostMapping("/parent/card")
    String addCard(CurrentSchool school, Caller caller) {
        return "redirect:" + cards.setupUrl(school, caller);
    }
}
