package academy.cedarheights.notifications.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import academy.cedarheights.notifications.TextReplies;
import academy.cedarheights.notifications.delivery.DeliveryProperties;
import academy.cedarheights.notifications.delivery.TwilioSignature;
import academy.cedarheights.platform.config.PublicAddress;
import academy.cedarheights.platform.web.Html;
import academy.cedarheights.platform.web.NotAllowed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Texts families send to the deployment's number, as Twilio posts them: signed with the account's auth token over the
 * public address it called, refused with 403 otherwise; answered with TwiML (a reply, or none).
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks")
@Tag(name = "Webhooks")
class TwilioWebhookController {

    private final TextReplies replies;
    private final DeliveryProperties delivery;
    private final PublicAddress site;

    TwilioWebhookController(TextReplies replies, DeliveryProperties delivery, PublicAddress site) {
        this.replies = replies;
        this.delivery = delivery;
        this.site = site;
    }

    @PostMapping(path = "/twilio", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "A text to the school's number (Twilio, signed): STOP stops texts to that phone, START "
            + "resumes them, HELP is answered")
    ResponseEntity<String> inbound(HttpServletRequest request,
                                   @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        if (delivery.twilioAuthToken() == null || delivery.twilioAuthToken().isBlank()) {
            throw new SignatureRefused("Texts are not configured on this server (TWILIO_AUTH_TOKEN).");
        }
        String query = request.getQueryString();
        String url = site.base() + request.getRequestURI() + (query == null ? "" : "?" + query);
        Map<String, List<String>> form = bodyOf(request);
        if (!TwilioSignature.valid(delivery.twilioAuthToken(), url, form, signature)) {
            throw new SignatureRefused("X-Twilio-Signature is missing or is not Twilio's for this request.");
        }
        String reply = replies.receive(first(form, "From"), first(form, "Body"));
        String twiml = reply == null ? "<Response/>"
                : "<Response><Message>" + Html.escape(reply) + "</Message></Response>";
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML)
                .body("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + twiml);
    }

    /** The POST parameters alone: the servlet's map also holds the query's, which the URL already signs. */
    private static Map<String, List<String>> bodyOf(HttpServletRequest request) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, new ArrayList<>(List.of(values))));
        if (request.getQueryString() != null) {
            UriComponentsBuilder.fromUriString("?" + request.getQueryString()).build(true).getQueryParams()
                    .forEach((name, values) -> values.forEach(value -> {
                        List<String> left = form.get(decoded(name));
                        if (left != null) {
                            left.remove(value == null ? "" : decoded(value));
                        }
                    }));
            form.values().removeIf(List::isEmpty);
        }
        return form;
    }

    private static String decoded(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static class SignatureRefused extends NotAllowed {

        SignatureRefused(String detail) {
            super(detail);
        }

        @Override
        public String problemType() {
            return "invalid-signature";
        }
    }
}
