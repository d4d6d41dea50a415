package academy.cedarheights.families;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.support.Api;
import academy.cedarheights.support.Api.Answer;
import academy.cedarheights.support.Browser;
import academy.cedarheights.support.DatabaseOwner;
import academy.cedarheights.support.FakeMailjetAndTwilio;
import academy.cedarheights.support.IntegrationTest;
import academy.cedarheights.support.TestSchool;
import academy.cedarheights.support.TestSchools;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CASL's one-click unsubscribe, as a family's mail client and the family see it: the headers and the link of a
 * reminder email, a POST that stops them at once and is a line of the consent ledger; nothing for a transactional
 * email; a forged or another school's link stops nothing.
 */
@IntegrationTest
class UnsubscribeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Api api;
    @Autowired TestSchools schools;
    @Autowired DatabaseOwner owner;
    @Autowired Notifications notifications;
    @Autowired TransactionTemplate transaction;
    @LocalServerPort int port;

    TestSchool school;
    String parent;

    @BeforeEach
    void aFamilyWithRemindersOn() {
        FakeMailjetAndTwilio.acceptEverything();
        school = schools.create();
        owner.jdbc().sql("update schools set contact_email = :c where id = :s").param("c", "hello@" + school.slug() + ".test")
                .param("s", school.id()).update();
        parent = "pat-" + UUID.randomUUID().toString().substring(0, 6) + "@families.test";
        school.signUp(api, parent);
    }

    @Test
    void aReminderCarriesTheOneClickHeadersAndItsPostStopsRemindersAtOnceAndOnce() {
        JsonNode message = sent(new Email.LessonReminder("Pat", "Kid", "Ada Keys", LocalDate.now().plusDays(1),
                LocalTime.of(16, 0), null));
        String header = message.path("Headers").path("List-Unsubscribe").asString();
        String link = header.replaceAll("^<([^>]+)>.*$", "$1");

        assertThat(header).endsWith(", <mailto:hello@" + school.slug() + ".test?subject=unsubscribe>");
        assertThat(message.path("Headers").path("List-Unsubscribe-Post").asString()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.path("TextPart").asString()).contains("Stop these emails: " + link);
        assertThat(message.path("HTMLPart").asString()).contains("<a href=\"" + link + "\">Stop these emails</a>");

        Answer clicked = oneClick(link);
        Answer again = oneClick(link);

        assertThat(clicked.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(owner.jdbc().sql("select reminder_emails from payees where school_id = :s and email = :e")
                .param("s", school.id()).param("e", parent).query(Boolean.class).single()).isFalse();
        assertThat(owner.jdbc().sql("""
                        select purpose || ' ' || granted || ' ' || how || ' ' || by_whom from consents
                         where school_id = :s and how = 'email_link'""").param("s", school.id()).query(String.class).list())
                .as("one withdrawal, however many clicks").containsExactly("reminder_emails false email_link " + parent);
    }

    @Test
    void openingTheLinkOnlyAsksAndAForgedOrAnotherSchoolsLinkStopsNothing() {
        String link = sent(new Email.LessonReminder("Pat", "Kid", "Ada Keys", LocalDate.now().plusDays(1),
                LocalTime.of(16, 0), null)).path("Headers").path("List-Unsubscribe").asString()
                .replaceAll("^<([^>]+)>.*$", "$1");
        String token = link.substring(link.lastIndexOf('/') + 1);
        TestSchool other = schools.create();

        Browser browser = Browser.at(school, port).signOut().open(URI.create(link).getRawPath());
        assertThat(browser.pageText()).contains("Stop receiving lesson reminder emails?");
        browser.accessible();
        int signature = token.indexOf('.') + 1;
        String forgedToken = token.substring(0, signature) + (token.charAt(signature) == 'A' ? 'B' : 'A')
                + token.substring(signature + 1);
        Answer forged = api.post("/s/" + school.slug() + "/unsubscribe/" + forgedToken,
                "List-Unsubscribe=One-Click", "Content-Type", "application/x-www-form-urlencoded");
        Answer elsewhere = api.post("/s/" + other.slug() + "/unsubscribe/" + token, "List-Unsubscribe=One-Click",
                "Content-Type", "application/x-www-form-urlencoded");

        assertThat(forged.status()).isEqualTo(404);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(owner.jdbc().sql("select reminder_emails from payees where school_id = :s and email = :e")
                .param("s", school.id()).param("e", parent).query(Boolean.class).single())
                .as("neither looking nor forging stops anything").isTrue();

        browser.submit("main form button[type=submit]");
        assertThat(browser.pageText()).contains("You will no longer receive lesson reminder emails.");
    }

    @Test
    void anEmailAboutWhatTheFamilyDidHasNoUnsubscribe() {
        JsonNode welcome = sent(new Email.Welcome("Pat", URI.create("https://cedar.test/parent")));

        assertThat(welcome.has("Headers")).isFalse();
        assertThat(welcome.path("TextPart").asString()).doesNotContain("Stop these emails");
    }

    /** The message as Mailjet received it. */
    private JsonNode sent(Email email) {
        UUID id = TenantContext.callAs(school.id(), () -> transaction.execute(status ->
                notifications.email(school.id(), parent, email)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "sent".equals(owner.jdbc()
                .sql("select status from email_log where id = :id").param("id", id).query(String.class).single()));
        List<LoggedRequest> requests = FakeMailjetAndTwilio.mailjet()
                .findAll(postRequestedFor(urlEqualTo(FakeMailjetAndTwilio.SEND_PATH)));
        return requests.stream().map(request -> JSON.readTree(request.getBodyAsString()).path("Messages").path(0))
                .filter(message -> message.path("CustomID").asString().equals(id.toString())).findFirst().orElseThrow();
    }

    /** As a mail client posts it (RFC 8058): no cookie, no CSRF token, the link's path under the school's prefix. */
    private Answer oneClick(String link) {
        String token = link.substring(link.lastIndexOf('/') + 1);
        return api.post("/s/" + school.slug() + "/unsubscribe/" + token, "List-Unsubscribe=One-Click",
                "Content-Type", "application/x-www-form-urlencoded");
    }
}
