package academy.cedarheights.support;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a recipient finds in their mailbox: the emails as the application handed them to (fake) Mailjet, read from
 * the wire — subject, text and HTML — so a test reads the email a person reads, links included.
 */
public final class Mailbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private Mailbox() {
    }

    /** One email as delivered. */
    public record Mail(String to, String subject, String text, String html) {

        /** The first link of the text part whose address contains {@code part}. */
        public String link(String part) {
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                if (matcher.group().contains(part)) {
                    return matcher.group();
                }
            }
            throw new AssertionError("no link containing " + part + " in: " + text);
        }

        /** The path and query of {@link #link(String)}, to open on a test's own host. */
        public String path(String part) {
            String link = link(part);
            return link.substring(link.indexOf('/', link.indexOf("://") + 3));
        }
    }

    /**
     * The newest email to {@code recipient} whose text contains every one of {@code mentioning} (a school's slug, to
     * tell tests apart; a link's path, to tell emails apart), waiting for it to be sent.
     */
    public static Mail latest(String recipient, String... mentioning) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> find(recipient, mentioning), Optional::isPresent).orElseThrow();
    }

    /** Every email delivered to {@code recipient} whose text contains every one of {@code mentioning}, oldest first. */
    public static List<Mail> all(String recipient, String... mentioning) {
        return FakeMailjetAndTwilio.mailjet().findAll(postRequestedFor(urlEqualTo(FakeMailjetAndTwilio.SEND_PATH)))
                .stream().map(request -> JSON.readTree(request.getBodyAsString()).path("Messages").path(0))
                .map(Mailbox::mail)
                .filter(mail -> mail.to().equalsIgnoreCase(recipient)
                        && java.util.Arrays.stream(mentioning).allMatch(mail.text()::contains))
                .toList();
    }

    /** Waits until {@code count} such emails were delivered, and answers them. */
    public static List<Mail> awaitCount(int count, String recipient, String... mentioning) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> all(recipient, mentioning), mails -> mails.size() >= count);
    }

    private static Optional<Mail> find(String recipient, String... mentioning) {
        List<Mail> mails = all(recipient, mentioning);
        return mails.isEmpty() ? Optional.empty() : Optional.of(mails.get(mails.size() - 1));
    }

    private static Mail mail(JsonNode message) {
        return new Mail(message.path("To").path(0).path("Email").asString(), message.path("Subject").asString(),
                message.path("TextPart").asString(), message.path("HTMLPart").asString());
    }
}
