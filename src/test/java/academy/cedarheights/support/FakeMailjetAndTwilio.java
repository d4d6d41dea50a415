package academy.cedarheights.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

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
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json";

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
        TWILIO.stubFor(post(urlMatching("/2010-04-01/Accounts/.*/Messages.json")).atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {"sid":"SM{{randomValue length=32 type='HEXADECIMAL'}}","status":"queued",
                                 "error_code":null}""")));
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
