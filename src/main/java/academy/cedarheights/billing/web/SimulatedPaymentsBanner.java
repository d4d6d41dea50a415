package academy.cedarheights.billing.web;

import academy.cedarheights.billing.CardSetups;
import academy.cedarheights.platform.web.WebPage;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows whether this real deployment takes no payments, so the admin console can say it on every page. */
@ControllerAdvice(annotations = WebPage.class)
class SimulatedPaymentsBanner {

    private final CardSetups cards;

    SimulatedPaymentsBanner(CardSetups cards) {
        this.cards = cards;
    }

    @ModelAttribute("paymentsSimulatedInProduction")
    boolean paymentsSimulatedInProduction() {
        return cards.simulatedInProduction();
    }
}
