package academy.cedarheights.billing.web;

import java.util.UUID;

import academy.cedarheights.billing.CardSetups;
import academy.cedarheights.billing.gateway.TestCards;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.schools.SchoolAddresses;
import academy.cedarheights.schools.SchoolNotFound;
import academy.cedarheights.schools.SchoolSummary;
import academy.cedarheights.schools.Schools;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The simulated gateway's checkout page: a button that "adds" a test card. The unguessable session id in
 * the address is the capability, as a Stripe Checkout URL is; it works once.
 */
@Controller
@RequestMapping("/billing/simulated-checkout/{school}/{session}")
class SimulatedCheckoutController {

    private final CardSetups cards;
    private final Schools schools;
    private final SchoolAddresses addresses;

    SimulatedCheckoutController(CardSetups cards, Schools schools, SchoolAddresses addresses) {
        this.cards = cards;
        this.schools = schools;
        this.addresses = addresses;
    }

    @GetMapping
    String page(@PathVariable("school") String slug, @PathVariable UUID session, Model model) {
        SchoolSummary school = schools.findBySlug(slug).orElseThrow(() -> new SchoolNotFound(slug));
        var checkout = TenantContext.callAs(school.id(), () -> cards.openSimulatedCheckout(school.id(), session));
        model.addAttribute("school", school.name());
        model.addAttribute("family", checkout.map(row -> row.get("name")).orElse(null));
        model.addAttribute("open", checkout.isPresent());
        if (!model.containsAttribute("number")) {
            model.addAttribute("number", TestCards.DEFAULT_NUMBER);
        }
        return "billing/simulated-checkout";
    }

    @PostMapping
    String addCard(@PathVariable("school") String slug, @PathVariable UUID session,
                   @RequestParam(name = "card_number", required = false) String cardNumber, Model model,
                   HttpServletResponse response) {
        SchoolSummary school = schools.findBySlug(slug).orElseThrow(() -> new SchoolNotFound(slug));
        try {
            TenantContext.runAs(school.id(), () -> cards.completeSimulatedCheckout(school.id(), session,
                    cardNumber == null ? TestCards.DEFAULT_NUMBER : cardNumber));
        } catch (InvalidField notATestCard) {
            response.setStatus(400);
            model.addAttribute("error", notATestCard.getMessage());
            model.addAttribute("number", cardNumber);
            return page(slug, session, model);
        }
        model.addAttribute("school", school.name());
        model.addAttribute("back", addresses.link(school.id(), "/parent/payment-method?card=added"));
        return "billing/simulated-checkout-done";
    }
}
