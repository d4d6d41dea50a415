package academy.cedarheights.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.delivery.DeliveryFailed;
import academy.cedarheights.notifications.delivery.MailDelivery;
import academy.cedarheights.notifications.delivery.MailjetDelivery;
import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.FakeMailjetAndTwilio;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Emails through the real pipeline (log, job, retries, dead letters) to Mailjet's wire format. */
@IntegrationTest
class EmailDeliveryTest {

    static final Email WELCOME = new Email.Welcome("Priya Sharma", URI.create("https://cedar.test/parent"));

    @Autowired Notifications notifications;
    @Autowired TransactionTemplate transaction;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @Autowired Api api;
    @Autowired MailDelivery mailjet;

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
    void anEmailIsQueuedWithItsChangeAndSentThroughMailjet() {
        UUID id = queue("priya@families.test", WELCOME);

        Map<String, Object> row = awaitStatus(id, "sent");
        assertThat(row.get("provider")).isEqualTo("mailjet");
        assertThat((String) row.get("provider_message_id")).matches("\\d{12}");
        assertThat((String) row.get("body_text")).contains("Priya Sharma");
        String credentials = Base64.getEncoder().encodeToString((FakeMailjetAndTwilio.MAILJET_KEY + ":"
                + FakeMailjetAndTwilio.MAILJET_SECRET).getBytes());
        FakeMailjetAndTwilio.mailjet().verify(postRequestedFor(urlEqualTo(FakeMailjetAndTwilio.SEND_PATH))
                .withHeader("Authorization", equalTo("Basic " + credentials))
                .withRequestBody(matchingJsonPath("$.Messages[0].To[0].Email", equalTo("priya@families.test")))
                .withRequestBody(matchingJsonPath("$.Messages[0].CustomID", equalTo(id.toString())))
                .withRequestBody(matchingJsonPath("$.Messages[0].From.Email", equalTo("no-reply@cedarheights.test")))
                .withRequestBody(matchingJsonPath("$.Messages[0].Subject", containing("Welcome to School"))));
    }

    @Test
    void anEmailOfARolledBackChangeIsNeverSent() {
        UUID[] id = new UUID[1];
        try {
            TenantContext.runAs(school.id(), () -> transaction.executeWithoutResult(status -> {
                id[0] = notifications.email(school.id(), "ghost@families.test", WELCOME);
                status.setRollbackOnly();
            }));
        } finally {
            assertThat(owner.jdbc().sql("select count(*) from email_log where id = :id").param("id", id[0])
                    .query(Long.class).single()).isZero();
        }
    }

    @Test
    void anInvalidAddressFailsAtOnceAndVisibly() {
        FakeMailjetAndTwilio.mailjet().stubFor(post(urlEqualTo(FakeMailjetAndTwilio.SEND_PATH)).atPriority(1)
                .withRequestBody(containing("not-a-mailbox@")).willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"Messages":[{"Status":"error","Errors":[{"ErrorIdentifier":"x","ErrorCode":"mj-0013",
                                  "StatusCode":400,"ErrorMessage":"\\"not-a-mailbox@x\\" is an invalid email address.",
                                  "ErrorRelatedTo":["To[0].Email"]}]}]}""")));
        UUID id = queue("not-a-mailbox@x", WELCOME);

        Map<String, Object> row = awaitStatus(id, "failed");
        assertThat((String) row.get("error")).contains("mj-0013").contains("invalid email address");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(deadLetters(id)).isZero();
    }

    @Test
    void aRateLimitIsRetriedUntilItGoesThrough() {
        FakeMailjetAndTwilio.mailjet().stubFor(post(urlEqualTo(FakeMailjetAndTwilio.SEND_PATH)).atPriority(1)
                .inScenario("busy").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(429).withBody("{\"ErrorMessage\":\"Too many requests\"}")));
        UUID id = queue("patient@families.test", WELCOME);

        Map<String, Object> row = awaitStatus(id, "sent");
        assertThat(row.get("attempts")).isEqualTo(2);
    }

    @Test
    void mailjetForgetsAnErasedAddressByItsGdprDeletionAndAnAddressItDoesNotKnowIsForgottenAlready() {
        assertThat(mailjet).isInstanceOf(MailjetDelivery.class);
        mailjet.forget("gone@families.test");
        FakeMailjetAndTwilio.mailjet().verify(1, deleteRequestedFor(urlEqualTo("/v4/contacts/"
                + FakeMailjetAndTwilio.CONTACT_ID)).withBasicAuth(new BasicCredentials(FakeMailjetAndTwilio.MAILJET_KEY,
                FakeMailjetAndTwilio.MAILJET_SECRET)));

        FakeMailjetAndTwilio.mailjet().stubFor(get(urlEqualTo(FakeMailjetAndTwilio.CONTACT_PATH + "never%40families.test"))
                .atPriority(1).willReturn(aResponse().withStatus(404)));
        mailjet.forget("never@families.test");
        FakeMailjetAndTwilio.mailjet().verify(1, deleteRequestedFor(urlEqualTo("/v4/contacts/"
                + FakeMailjetAndTwilio.CONTACT_ID)));

        FakeMailjetAndTwilio.mailjet().stubFor(get(urlEqualTo(FakeMailjetAndTwilio.CONTACT_PATH + "later%40families.test"))
                .atPriority(1).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> mailjet.forget("later@families.test")).as("retried by its job")
                .isInstanceOf(DeliveryFailed.class);
    }

    @Test
    void aServiceThatStaysDownEndsInTheDeadLettersAndAlertsTheAdminsOnce() {
        school.allowAdmin("owner@school.test");
        FakeMailjetAndTwilio.mailjet().stubFor(post(urlEqualTo(FakeMailjetAndTwilio.SEND_PATH)).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"ErrorMessage\":\"Internal\"}")));
        UUID id = queue("unlucky@families.test", WELCOME);

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(id) == 1);
        Map<String, Object> row = awaitStatus(id, "failed");
        assertThat(row.get("attempts")).isEqualTo(5);
        assertThat((String) row.get("error")).contains("HTTP 500");

        // the alert to the admin fails too (Mailjet is down) and gives up, raising no further alert
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts("failed") == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> alerts(null) == 1);
    }

    @Test
    void theAdminReadsTheLogWithRenderedBodies() {
        UUID id = queue("priya@families.test", WELCOME);
        awaitStatus(id, "sent");
        var admin = school.admin(api);

        var page = admin.get("/api/v1/admin/emails?recipient=priya@families.test&status=sent");
        assertThat(page.json().path("total").asLong()).isEqualTo(1);
        assertThat(page.json().path("items").get(0).path("body_text").asString()).contains("Priya Sharma");
        assertThat(admin.get("/api/v1/admin/emails/" + id).json().path("body_html").asString()).contains("<html");
        assertThat(admin.get("/api/v1/admin/emails?status=queued").json().path("total").asLong()).isZero();
    }

    @Test
    void anEmailWithARelativeLinkIsRefusedBeforeItIsQueued() {
        assertThatThrownBy(() -> queue("priya@families.test", new Email.PaymentFailed("Priya", "Arjun",
                Money.of(14000, "CAD"), "the card was declined", URI.create("/parent/payment-method"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payment_failed needs an absolute link in card_url");
        assertThatThrownBy(() -> queue("priya@families.test", new Email.PaymentFailed("Priya", "Arjun",
                null, "the card was declined", URI.create("https://cedar.test/card"))))
                .as("a missing amount").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payment_failed needs amount");
        assertThat(owner.jdbc().sql("select count(*) from email_log where school_id = :s").param("s", school.id())
                .query(Long.class).single()).isZero();
    }

    private UUID queue(String recipient, Email email) {
        return TenantContext.callAs(school.id(), () -> transaction.execute(status ->
                notifications.email(school.id(), recipient, email)));
    }

    private Map<String, Object> awaitStatus(UUID id, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(row(id).get("status")));
        return row(id);
    }

    private Map<String, Object> row(UUID id) {
        return owner.jdbc().sql("select * from email_log where id = :id").param("id", id).query().singleRow();
    }

    private long deadLetters(UUID emailId) {
        return owner.jdbc().sql("select count(*) from dead_letters where task_name = 'send-email' and task_instance = :id")
                .param("id", emailId.toString()).query(Long.class).single();
    }

    private long alerts(String status) {
        return owner.jdbc().sql("""
                        select count(*) from email_log where school_id = :s and template = 'admin_alert'
                           and (cast(:status as text) is null or status = :status)""")
                .param("s", school.id()).param("status", status).query(Long.class).single();
    }
}
