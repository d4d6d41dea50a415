package academy.cedarheights.notifications.delivery;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's Messages API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json}, form-encoded, Basic auth.
 * A 400 (an invalid number, code 21211 and friends) is permanent; 429 and 5xx are transient. Twilio takes no
 * idempotency key and a 500 or a timeout may come after it queued the text, so a retry first lists what went from our
 * number to that one ({@code GET …/Messages.json?To=…&From=…}, newest first).
 */
public class TwilioDelivery implements TextDelivery {

    /** Texts from our number to one family are few: the newest fifty cover any retry. */
    private static final int RECENT = 50;
    /** Twilio's clock and ours may disagree by this much. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final RestClient http;
    private final DeliveryProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    public TwilioDelivery(DeliveryProperties properties) {
        this.properties = properties;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(properties.twilioApiBase())
                .defaultHeaders(headers -> headers.setBasicAuth(properties.twilioAccountSid(), properties.twilioAuthToken()))
                .build();
    }

    @Override
    public Delivered send(String to, String body) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("To", to);
        form.add("From", properties.twilioFrom());
        form.add("Body", body);
        try {
            return http.post().uri("/2010-04-01/Accounts/{sid}/Messages.json", properties.twilioAccountSid())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .exchange((request, response) -> answer(response.getStatusCode().value(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (RestClientException e) {
            throw new DeliveryFailed("Twilio could not be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Delivered> sentSince(String to, String body, Instant since) {
        URI list = URI.create(properties.twilioApiBase() + "/2010-04-01/Accounts/"
                + encoded(properties.twilioAccountSid()) + "/Messages.json?To=" + encoded(to)
                + "&From=" + encoded(properties.twilioFrom()) + "&PageSize=" + RECENT);
        try {
            return http.get().uri(list).exchange((request, response) -> {
                int status = response.getStatusCode().value();
                String page = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                if (status != 200) {
                    throw new DeliveryFailed("Twilio answered HTTP " + status + " to listing messages", null);
                }
                return json.readTree(page).path("messages").valueStream()
                        .filter(message -> message.path("body").asString().equals(body))
                        .filter(message -> !created(message).isBefore(since.minus(CLOCK_SKEW)))
                        .findFirst().map(message -> new Delivered("twilio", message.path("sid").asString()));
            });
        } catch (RestClientException e) {
            throw new DeliveryFailed("Twilio could not be reached: " + e.getMessage(), e);
        }
    }

    private static Instant created(JsonNode message) {
        return ZonedDateTime.parse(message.path("date_created").asString(), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Delivered answer(int status, String body) {
        if (status == 200 || status == 201) {
            return new Delivered("twilio", json.readTree(body).path("sid").asString());
        }
        if (status == 400 || status == 404) {
            JsonNode error = json.readTree(body);
            throw new DeliveryRefused("Twilio refused the message: " + error.path("code").asString() + " "
                    + error.path("message").asString());
        }
        throw new DeliveryFailed("Twilio answered HTTP " + status, null);
    }
}
