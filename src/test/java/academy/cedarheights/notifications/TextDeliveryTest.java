package academy.cedarheights.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.FakeMailjetAndTwilio;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Text messages through the real pipeline to Twilio's Messages API wire format. */
@IntegrationTest
class TextDeliveryTest {

    @Autowired Notifications notifications;
    @Autowired TransactionTemplate transaction;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;

    TestSchool school;

    @BeforeEach
    void aSchool() {
        FakeMailjetAndTwilio.acceptEverything();
        school = schools.create();
    }

    @AfterEach
    void acceptAgain() {
        FakeMailjetAndTwilio.acceptEverything();
    }

    @Test
    void aTextIsSentFormEncodedWithBasicAuth() {
        UUID id = queue("+16045550142", "Reminder: Arjun has a lesson tomorrow at 4:30 p.m.");

        Map<String, Object> row = awaitStatus(id, "sent");
        assertThat((String) row.get("provider_message_id")).startsWith("SM");
        FakeMailjetAndTwilio.twilio().verify(postRequestedFor(urlEqualTo(FakeMailjetAndTwilio.MESSAGES_PATH))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("To=%2B16045550142"))
                .withRequestBody(containing("From=%2B16045550000"))
                .withRequestBody(containing("Body=Reminder"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(
                        FakeMailjetAndTwilio.TWILIO_SID, FakeMailjetAndTwilio.TWILIO_TOKEN)));
    }

    @Test
    void anInvalidNumberFailsAtOnce() {
        FakeMailjetAndTwilio.twilio().stubFor(post(urlEqualTo(FakeMailjetAndTwilio.MESSAGES_PATH)).atPriority(1)
                .withRequestBody(containing("To=%2B1999")).willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"code":21211,"message":"The 'To' number +1999 is not a valid phone number.",
                                 "more_info":"https://www.twilio.com/docs/errors/21211","status":400}""")));

        Map<String, Object> row = awaitStatus(queue("+1999", "Hello"), "failed");
        assertThat((String) row.get("error")).contains("21211");
        assertThat(row.get("attempts")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 503})
    void aTransientRefusalIsRetried(int status) {
        FakeMailjetAndTwilio.twilio().stubFor(post(urlEqualTo(FakeMailjetAndTwilio.MESSAGES_PATH)).atPriority(1)
                .inScenario("down").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":" + status + "}")));

        Map<String, Object> row = awaitStatus(queue("+16045550142", "Hello"), "sent");
        assertThat(row.get("attempts")).isEqualTo(2);
    }

    @Test
    void aTextTwilioTookBeforeAnsweringFiveHundredIsRecordedNotSentAgain() {
        String body = "Soon: Arjun's lesson starts at 16:30. Reply STOP to opt out.";
        FakeMailjetAndTwilio.twilio().stubFor(post(urlEqualTo(FakeMailjetAndTwilio.MESSAGES_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));
        // ... but it queued the text before failing: the list of what went to the number shows it
        FakeMailjetAndTwilio.twilio().stubFor(get(urlPathEqualTo(FakeMailjetAndTwilio.MESSAGES_PATH)).atPriority(1)
                .withQueryParam("To", equalTo("+16045550143")).withQueryParam("From", equalTo(FakeMailjetAndTwilio.TWILIO_FROM))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"messages":[
                          {"sid":"SMolder","body":"%1$s","to":"+16045550143","status":"delivered",
                           "date_created":"Mon, 02 Jan 2023 17:00:00 +0000"},
                          {"sid":"SMother","body":"Another text","to":"+16045550143","status":"sent",
                           "date_created":"%2$s"},
                          {"sid":"SMtaken","body":"%1$s","to":"+16045550143","status":"queued",
                           "date_created":"%2$s"}],
                         "next_page_uri":null,"page":0,"page_size":50}""".formatted(body,
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))))));

        Map<String, Object> row = awaitStatus(queue("+16045550143", body), "sent");

        assertThat(row.get("provider_message_id")).as("the one Twilio took, this time").isEqualTo("SMtaken");
        assertThat(row.get("attempts")).isEqualTo(2);
        FakeMailjetAndTwilio.twilio().verify(1, postRequestedFor(urlEqualTo(FakeMailjetAndTwilio.MESSAGES_PATH))
                .withRequestBody(containing("To=%2B16045550143")));
    }

    private UUID queue(String phone, String body) {
        return TenantContext.callAs(school.id(), () -> transaction.execute(status -> notifications.text(school.id(), phone, body)));
    }

    private Map<String, Object> awaitStatus(UUID id, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(row(id).get("status")));
        return row(id);
    }

    private Map<String, Object> row(UUID id) {
        return owner.jdbc().sql("select * from text_messages where id = :id").param("id", id).query().singleRow();
    }
}
