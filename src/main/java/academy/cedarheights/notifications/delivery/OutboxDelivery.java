package academy.cedarheights.notifications.delivery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline default: nothing leaves the machine. The rendered email stays in the email log, where admins read it
 * like a mailbox ({@code GET /api/v1/admin/emails}, the console's Emails page), and its links are printed in the
 * server's log, so that someone trying the demo can open a verification link or an invitation without a mailbox.
 */
public class OutboxDelivery implements MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]{1,2000}");

    @Override
    public Delivered send(OutgoingEmail email) {
        if (log.isInfoEnabled()) {
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
