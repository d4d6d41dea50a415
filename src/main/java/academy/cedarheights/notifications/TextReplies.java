package academy.cedarheights.notifications;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import academy.cedarheights.platform.config.PublicAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a family texts back to the deployment's number. The carriers' keywords, as Twilio knows them, with the French
 * ones a Québec family sends: STOP (and its synonyms) stops every text to that phone at once, START has them again,
 * HELP is answered with who is texting and how to stop. Any other message is not kept: nobody reads this inbox.
 */
@Service
public class TextReplies {

    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT",
            "REVOKE", "ARRET", "ARRÊT");
    private static final Set<String> START = Set.of("START", "UNSTOP", "YES");
    private static final Set<String> HELP = Set.of("HELP", "INFO", "AIDE");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private final TextOptOuts optOuts;
    private final PublicAddress site;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    TextReplies(TextOptOuts optOuts, PublicAddress site, ApplicationEventPublisher events,
                TransactionTemplate transaction) {
        this.transaction = transaction;
        this.events = events;
        this.optOuts = optOuts;
        this.site = site;
    }

    /**
     * Acts on the message {@code body} from {@code phone}; returns the text to answer with, or null for none. STOP and
     * START are not answered here: Twilio confirms them itself, and a second confirmation would be one text too many.
     */
    public String receive(String phone, String body) {
        if (phone == null || !E164.matcher(phone).matches()) {
            return null; // a short code or another channel's address: no phone of ours to stop
        }
        String keyword = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
        // the opt-out is committed first: the texts stop whatever the schools' records do after
        if (STOP.contains(keyword)) {
            transaction.executeWithoutResult(status -> optOuts.stop(phone, keyword));
            events.publishEvent(new TextsAnswered(phone, false));
        } else if (START.contains(keyword)) {
            transaction.executeWithoutResult(status -> optOuts.start(phone));
            events.publishEvent(new TextsAnswered(phone, true));
        } else if (HELP.contains(keyword)) {
            return "Cedar Heights: lesson reminders and notices from your music school. Reply STOP to stop all texts, "
                    + "START to have them again. Help and your school's contact: " + site.base();
        }
        return null;
    }
}
