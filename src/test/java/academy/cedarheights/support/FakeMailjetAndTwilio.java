package academy.cedarheights.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import academy.cedarheights.notifications.delivery.TwilioSignature;
import academy.cedarheights.support.Api.Answer;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mailjet's Send API and Twilio's Messages API at the wire, one WireMock server each, answering as the
 * real services do. The test application sends all its email and texts here. One per test JVM.
 */
public final class FakeMailjetAndTwilio {

    public static final String MAILJET_KEY = "mj-test-key";
    public static final String MAILJET_SECRET = "mj-test-secret";
    public static final String TWILIO_SID = "AC00000000000000000000000000000000";
    public static final String TWILIO_TOKEN = "twilio-test-token";
    public static final String TWILIO_FROM = "+16045550000";
    public static final String SEND_PATH = "/v3.1/send";
    public static final String INBOUND_PATH = "/api/v1/webhooks/twilio";
    public static final String CONTACT_PATH = "/v3/REST/contact/";
    /** The id Mailjet gives every contact the fake knows. */
    public static final long CONTACT_ID = 4242;
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WireMockServer MAILJET = new WireMockServer(wireMockConfig().dynamicPort());
    private static final WireMockServer TWILIO = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        MAILJET.start();
        TWILIO.start();
        acceptEverything();
    }

    private FakeMailjetAndTwilio() {
    }

    public static WireMockServer mailjet() {
        return MAILJET;
    }

    public static WireMockServer twilio() {
        return TWILIO;
    }

    /** Back to the default: every email and text is accepted. */
    public static void acceptEverything() {
        MAILJET.resetAll();
        TWILIO.resetAll();
        MAILJET.stubFor(post(urlEqualTo(SEND_PATH)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {"Messages":[{"Status":"success","CustomID":"{{jsonPath request.body '$.Messages[0].CustomID'}}",
                          "To":[{"Email":"{{jsonPath request.body '$.Messages[0].To[0].Email'}}",
                                 "MessageUUID":"1ab23cd4-0000-4000-8000-{{randomValue length=12 type='NUMERIC'}}",
                                 "MessageID":1{{randomValue length=11 type='NUMERIC'}},
                                 "MessageHref":"https://api.mailjet.com/v3/REST/message/1"}]}]}""")));
        // every recipient is a contact of the account (Mailjet adds them), deleted by its GDPR deletion
        MAILJET.stubFor(get(urlPathMatching(CONTACT_PATH + ".+")).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Count\":1,\"Data\":[{\"ID\":" + CONTACT_ID + ",\"IsExcludedFromCampaigns\":false}],\"Total\":1}")));
        MAILJET.stubFor(delete(urlEqualTo("/v4/contacts/" + CONTACT_ID)).atPriority(10)
                .willReturn(aResponse().withStatus(200)));
        // what went to a number lately, asked before a retry: nothing, unless a test says otherwise
        TWILIO.stubFor(get(urlPathMatching("/2010-04-01/Accounts/.*/Messages.json")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"messages":[],"first_page_uri":"/2010-04-01/Accounts/AC/Messages.json?PageSize=50&Page=0",
                                 "next_page_uri":null,"page":0,"page_size":50}""")));
        TWILIO.stubFor(post(urlMatching("/2010-04-01/Accounts/.*/Messages.json")).atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {"sid":"SM{{randomValue length=32 type='HEXADECIMAL'}}","status":"queued",
                                 "error_code":null}""")));
    }

    private static final Map<StubMapping, WireMockServer> OUTAGE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Both down from now on: each call (an email or a text sent, texts listed) is, in turn, answered 500, answered
     * 429, or held past the client's 15-second read timeout ({@code unanswered}) and answered 503 to nobody. Nothing
     * is sent meanwhile.
     */
    public static void goDown(Duration unanswered) {
        for (WireMockServer server : List.of(MAILJET, TWILIO)) {
            var path = server == MAILJET ? urlEqualTo(SEND_PATH) : urlPathMatching("/2010-04-01/Accounts/.*/Messages.json");
            server.resetScenarios();
            OUTAGE.put(server.stubFor(any(path).atPriority(1).inScenario("outage")
                    .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("429")
                    .willReturn(aResponse().withStatus(500).withBody("Internal Server Error"))), server);
            OUTAGE.put(server.stubFor(any(path).atPriority(1).inScenario("outage")
                    .whenScenarioStateIs("429").willSetStateTo("timeout")
                    .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                            .withBody(server == MAILJET ? "{\"ErrorMessage\": \"Too many requests\", \"StatusCode\": 429}"
                                    : "{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}"))), server);
            OUTAGE.put(server.stubFor(any(path).atPriority(1).inScenario("outage")
                    .whenScenarioStateIs("timeout").willSetStateTo(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(503).withFixedDelay((int) unanswered.toMillis()))), server);
        }
    }

    /** Both back: what they accept from now on is delivered. */
    public static void comeBack() {
        OUTAGE.forEach((stub, server) -> server.removeStub(stub));
        OUTAGE.clear();
    }

    /** The CustomID (our email's id) of every email Mailjet accepted, once per acceptance. */
    public static List<String> emailsAccepted() {
        return MAILJET.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals(SEND_PATH) && event.getResponse().getStatus() == 200)
                .map(event -> JSON.readTree(event.getRequest().getBodyAsString()).path("Messages").path(0)
                        .path("CustomID").asString())
                .toList();
    }

    /** "recipient: body" of every text Twilio accepted, once per acceptance. */
    public static List<String> textsAccepted() {
        return TWILIO.getAllServeEvents().stream().filter(event -> event.getResponse().getStatus() == 201)
                .map(event -> event.getRequest().formParameter("To").firstValue() + ": "
                        + event.getRequest().formParameter("Body").firstValue())
                .toList();
    }

    /** What the outage refused, by status (500, 429, and 503 for those held past the timeout). */
    public static Map<Integer, Long> refused() {
        return java.util.stream.Stream.concat(MAILJET.getAllServeEvents().stream(), TWILIO.getAllServeEvents().stream())
                .map(event -> event.getResponse().getStatus()).filter(status -> status >= 429)
                .collect(Collectors.groupingBy(status -> status, java.util.TreeMap::new, Collectors.counting()));
    }

    /**
     * A text a family sends to our number, as Twilio's webhook posts it: form-encoded, signed with the auth token over
     * the address it calls ({@code token} another to forge it).
     */
    public static Answer inboundText(Api api, String from, String body, String token) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("MessageSid", List.of("SM" + "0".repeat(32)));
        form.put("AccountSid", List.of(TWILIO_SID));
        form.put("From", List.of(from));
        form.put("To", List.of(TWILIO_FROM));
        form.put("Body", List.of(body));
        form.put("NumMedia", List.of("0"));
        String encoded = form.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue().get(0), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String signature = TwilioSignature.of(token, api.uri(INBOUND_PATH).toString(), form);
        return api.post(INBOUND_PATH, encoded, "Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", signature);
    }

    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "delivery.mailjet-api-key=" + MAILJET_KEY, "delivery.mailjet-api-secret=" + MAILJET_SECRET,
                    "delivery.mailjet-api-base=" + MAILJET.baseUrl(),
                    "delivery.twilio-account-sid=" + TWILIO_SID, "delivery.twilio-auth-token=" + TWILIO_TOKEN,
                    "delivery.twilio-from=" + TWILIO_FROM, "delivery.twilio-api-base=" + TWILIO.baseUrl(),
                    "delivery.mail-from=Cedar Heights <no-reply@cedarheights.test>")
                    .applyTo(context.getEnvironment());
        }
    }
}
