package academy.cedarheights.notifications.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline default: nothing leaves the machine. The rendered email stays in the email log, where admins read it
 * like a mailbox ({@code GET /api/v1/admin/emails}, the console's Emails page). On the embedded database its links are
 * printed in the server's log too, so that someone trying the demo can open a verification link or an invitation
 * without a mailbox; a deployment on its own database without a mail provider logs only that an email was kept (its
 * links may be password resets, which no log should hold).
 */
public class OutboxDelivery implements MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]{1,2000}");
    private final boolean printLinks;

    public OutboxDelivery(boolean printLinks) {
        this.printLinks = printLinks;
    }

    @Override
    public Delivered send(OutgoingEmail email) {
        if (!printLinks) {
            log.info("Local outbox: an email kept in the email log (no mail provider is configured)");
        } else if (log.isInfoEnabled()) {
            StringBuilder links = new StringBuilder();
            Matcher matcher = LINK.matcher(email.text() == null ? "" : email.text());
            while (matcher.find()) {
                links.append(links.isEmpty() ? "" : " ").append(matcher.group());
            }
            log.info("Local outbox: \"{}\" to {}{}", email.subject(), email.to(),
                    links.isEmpty() ? "" : "; links: " + links);
        }
        return new Delivered("outbox", "outbox-" + email.id());
    }

    @Override
    public boolean deliversToEmailLog() {
        return true;
    }
}
