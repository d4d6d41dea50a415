package academy.cedarheights.notifications.delivery;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mailjet's Send API v3.1 over HTTP: {@code POST /v3.1/send} with Basic auth. An invalid address comes back
 * as HTTP 400 with a per-message error (permanent); 429 and 5xx are transient, and so are refused credentials
 * (the operator fixes them and retries the dead letters).
 */
public class MailjetDelivery implements MailDelivery {

    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public MailjetDelivery(DeliveryProperties properties) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(properties.mailjetApiBase())
                .defaultHeaders(headers -> headers.setBasicAuth(properties.mailjetApiKey(), properties.mailjetApiSecret()))
                .build();
    }

    @Override
    public Delivered send(OutgoingEmail email) {
        Map<String, Object> message = new java.util.LinkedHashMap<>(Map.of(
                "From", sender(email),
                "To", List.of(Map.of("Email", email.to())),
                "Subject", email.subject(),
                "TextPart", email.text(),
                "HTMLPart", email.html(),
                "CustomID", email.id().toString()));
        if (!email.headers().isEmpty()) {
            message.put("Headers", email.headers());
        }
        try {
            return http.post().uri("/v3.1/send").contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(Map.of("Messages", List.of(message))))
                    .exchange((request, response) -> answer(response.getStatusCode().value(),
                            new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (RestClientException e) {
            throw new DeliveryFailed("Mailjet could not be reached: " + e.getMessage(), e);
        }
    }

    /**
     * Mailjet adds every recipient to the account's contacts: the contact is found by its address
     * ({@code GET /v3/REST/contact/{address}}) and deleted under its GDPR deletion ({@code DELETE /v4/contacts/{id}}),
     * which removes its message history with it. An address Mailjet does not know is forgotten already.
     */
    @Override
    public void forget(String address) {
        try {
            Long contact = http.get().uri("/v3/REST/contact/{address}", address).exchange((request, response) -> {
                int status = response.getStatusCode().value();
                if (status == 404) {
                    return null;
                }
                String body = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (status != 200) {
                    throw new DeliveryFailed("Mailjet answered HTTP " + status + " for a contact: " + abbreviate(body), null);
                }
                return json.readTree(body).path("Data").path(0).path("ID").asLong();
            });
            if (contact == null) {
                return;
            }
            http.delete().uri("/v4/contacts/{id}", contact).exchange((request, response) -> {
                int status = response.getStatusCode().value();
                if (status != 200 && status != 204 && status != 404) {
                    throw new DeliveryFailed("Mailjet answered HTTP " + status + " to deleting a contact", null);
                }
                return null;
            });
        } catch (RestClientException e) {
            throw new DeliveryFailed("Mailjet could not be reached: " + e.getMessage(), e);
        }
    }

    private Delivered answer(int status, String body) {
        if (status == 200 || status == 201) {
            JsonNode first = json.readTree(body).path("Messages").path(0);
            return new Delivered("mailjet", first.path("To").path(0).path("MessageID").asString());
        }
        if (status == 400 && body.contains("\"Status\"")) {
            JsonNode error = json.readTree(body).path("Messages").path(0).path("Errors").path(0);
            throw new DeliveryRefused("Mailjet refused the message: " + error.path("ErrorCode").asString() + " "
                    + error.path("ErrorMessage").asString());
        }
        throw new DeliveryFailed("Mailjet answered HTTP " + status + ": " + abbreviate(body), null);
    }

    private static Map<String, String> sender(OutgoingEmail email) {
        return email.fromName() == null ? Map.of("Email", email.fromAddress())
                : Map.of("Email", email.fromAddress(), "Name", email.fromName());
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
