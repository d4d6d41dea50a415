package academy.cedarheights.billing.web;

import java.util.Map;

import academy.cedarheights.billing.StripeWebhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = "application/json")
@Tag(name = "Webhooks")
class StripeWebhookController {

    private final StripeWebhooks webhooks;

    StripeWebhookController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** The body is taken as the raw string: the signature covers exactly the bytes Stripe sent. */
    @PostMapping(path = "/stripe", consumes = "application/json")
    @Operation(summary = "Stripe's events, signed; 200 at once (also for replays and unknown types)")
    Map<String, Object> stripe(@RequestBody String payload,
                               @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        return Map.of("received", true, "new", webhooks.receive(payload, signature));
    }
}
