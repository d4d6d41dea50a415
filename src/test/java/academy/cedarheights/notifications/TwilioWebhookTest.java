package academy.cedarheights.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.delivery.TwilioSignature;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.FakeMailjetAndTwilio;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Texts families send back through Twilio's signed webhook: STOP, START and HELP; anyone else is refused. */
@IntegrationTest
class TwilioWebhookTest {

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @Autowired TextSending sending;

    TestSchool school;
    String phone;

    @BeforeEach
    void aSchoolAndAFamilyPhone() {
        FakeMailjetAndTwilio.acceptEverything();
        school = schools.create();
        phone = "+1604555" + String.format("%04d", (int) (Math.random() * 10_000));
    }

    @AfterEach
    void everyPhoneMayHaveTextsAgain() {
        owner.jdbc().sql("delete from text_opt_outs where phone = :p").param("p", phone).update();
    }

    @Test
    void aRequestNotSignedByTwilioForThisAddressIsRefusedAndChangesNothing() {
        Answer unsigned = api.post(FakeMailjetAndTwilio.INBOUND_PATH, "From=%2B16045550100&Body=STOP",
                "Content-Type", "application/x-www-form-urlencoded");
        Answer forged = FakeMailjetAndTwilio.inboundText(api, phone, "STOP", "someone-elses-token");
        Answer tampered = api.post(FakeMailjetAndTwilio.INBOUND_PATH, "From=" + phone.replace("+", "%2B") + "&Body=STOP",
                "Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature",
                TwilioSignature.of(FakeMailjetAndTwilio.TWILIO_TOKEN,
                        api.uri(FakeMailjetAndTwilio.INBOUND_PATH).toString(),
                        Map.of("From", List.of(phone), "Body", List.of("HELP"))));
        Answer otherAddress = api.post(FakeMailjetAndTwilio.INBOUND_PATH + "?to=elsewhere",
                "From=" + phone.replace("+", "%2B") + "&Body=STOP", "Content-Type", "application/x-www-form-urlencoded",
                "X-Twilio-Signature", TwilioSignature.of(
                        FakeMailjetAndTwilio.TWILIO_TOKEN, api.uri(FakeMailjetAndTwilio.INBOUND_PATH).toString(),
                        Map.of("From", List.of(phone), "Body", List.of("STOP"))));

        for (Answer refused : new Answer[] {unsigned, forged, tampered, otherAddress}) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.text("type")).endsWith("invalid-signature");
        }
        assertThat(stopped()).isFalse();
    }

    @Test
    void helpIsAnsweredWithWhoTextsAndHowToStopAndAnyOtherTextIsNotAnswered() {
        Answer help = FakeMailjetAndTwilio.inboundText(api, phone, " help ", FakeMailjetAndTwilio.TWILIO_TOKEN);
        Answer chat = FakeMailjetAndTwilio.inboundText(api, phone, "See you Tuesday <3", FakeMailjetAndTwilio.TWILIO_TOKEN);
        Answer shortCode = FakeMailjetAndTwilio.inboundText(api, "whatsapp:" + phone, "STOP",
                FakeMailjetAndTwilio.TWILIO_TOKEN);

        assertThat(help.status()).isEqualTo(200);
        assertThat(help.header("Content-Type")).startsWith("text/xml");
        assertThat(help.body()).contains("<Response><Message>Cedar Heights: lesson reminders and notices from your "
                + "music school. Reply STOP to stop all texts, START to have them again.")
                .contains(api.uri("").toString());
        assertThat(chat.body()).endsWith("<Response/>");
        assertThat(shortCode.status()).isEqualTo(200);
        assertThat(stopped()).as("neither a chat nor another channel's address stops anything").isFalse();
    }

    @Test
    void stopWithholdsEveryTextToThatPhoneEvenOneQueuedBeforeItAndStartHasThemAgain() {
        UUID queuedBefore = queuedText("Reminder: a lesson tomorrow at 16:00.");

        Answer stop = FakeMailjetAndTwilio.inboundText(api, phone, "Stop", FakeMailjetAndTwilio.TWILIO_TOKEN);
        TenantContext.runAs(school.id(), () -> sending.deliver(queuedBefore));

        assertThat(stop.status()).isEqualTo(200);
        assertThat(stop.body()).as("Twilio confirms a STOP itself").endsWith("<Response/>");
        assertThat(stopped()).isTrue();
        assertThat(status(queuedBefore)).isEqualTo("withheld");
        assertThat(owner.jdbc().sql("select error from text_messages where id = :id").param("id", queuedBefore)
                .query(String.class).single()).contains("replied STOP");
        FakeMailjetAndTwilio.twilio().verify(0, postRequestedFor(urlEqualTo(FakeMailjetAndTwilio.MESSAGES_PATH))
                .withRequestBody(containing("To=" + phone.replace("+", "%2B"))));

        FakeMailjetAndTwilio.inboundText(api, phone, "ARRÊT", FakeMailjetAndTwilio.TWILIO_TOKEN);
        assertThat(stopped()).as("a second STOP, in French, is the same opt-out").isTrue();
        FakeMailjetAndTwilio.inboundText(api, phone, "START", FakeMailjetAndTwilio.TWILIO_TOKEN);
        UUID queuedAfter = queuedText("Reminder: a lesson tomorrow at 16:30.");
        TenantContext.runAs(school.id(), () -> sending.deliver(queuedAfter));

        assertThat(stopped()).isFalse();
        assertThat(status(queuedAfter)).isEqualTo("sent");
    }

    @Test
    void everySchoolWithAFamilyOfThatPhoneRecordsTheStopAndTheStartInItsConsentLedger() {
        TestSchool other = schools.create();
        String written = phone.substring(0, 2) + " (" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-"
                + phone.substring(8);
        UUID here = family(school, phone);
        UUID there = family(other, written);

        FakeMailjetAndTwilio.inboundText(api, phone, "STOP", FakeMailjetAndTwilio.TWILIO_TOKEN);
        FakeMailjetAndTwilio.inboundText(api, phone, "START", FakeMailjetAndTwilio.TWILIO_TOKEN);
        FakeMailjetAndTwilio.inboundText(api, phone, "STOP", FakeMailjetAndTwilio.TWILIO_TOKEN);

        for (UUID family : new UUID[] {here, there}) {
            assertThat(owner.jdbc().sql("""
                            select string_agg(granted || ' ' || how || ' ' || by_whom, ', ' order by seq) from consents
                             where payee_id = :p and purpose = 'reminder_texts'""").param("p", family)
                    .query(String.class).single()).isEqualTo("false text_reply " + phone + ", true text_reply " + phone
                    + ", false text_reply " + phone);
            assertThat(owner.jdbc().sql("select sms_opt_out from payees where id = :p").param("p", family)
                    .query(Boolean.class).single()).isTrue();
        }
    }

    private UUID family(TestSchool of, String writtenPhone) {
        return owner.jdbc().sql("""
                        insert into payees (school_id, name, email, phone) values (:s, 'Parent', :e, :p) returning id""")
                .param("s", of.id()).param("e", UUID.randomUUID() + "@families.test").param("p", writtenPhone)
                .query(UUID.class).single();
    }

    /** A text in the log, its job not yet run: as it is between its queueing and its delivery. */
    private UUID queuedText(String body) {
        return owner.jdbc().sql("insert into text_messages (school_id, recipient, body) values (:s, :p, :b) returning id")
                .param("s", school.id()).param("p", phone).param("b", body).query(UUID.class).single();
    }

    private String status(UUID text) {
        return owner.jdbc().sql("select status from text_messages where id = :id").param("id", text)
                .query(String.class).single();
    }

    private boolean stopped() {
        return owner.jdbc().sql("select exists (select 1 from text_opt_outs where phone = :p)").param("p", phone)
                .query(Boolean.class).single();
    }
}
