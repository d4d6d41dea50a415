package academy.cedarheights.families;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.families.Consent.How;
import academy.cedarheights.families.Consent.Purpose;
import academy.cedarheights.platform.LowerCaseNamed;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.security.UnsubscribeLinks;
import academy.cedarheights.platform.security.UnsubscribeLinks.Unsubscribe;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An email's one-click unsubscribe (CASL, RFC 8058): it takes effect at once — the family's reminder emails switched
 * off, or its consent to the school's news withdrawn — and is a line of the consent ledger, by the address it was
 * sent to. A link of another school, or not signed by us, stops nothing.
 */
@Service
@Transactional
public class Unsubscribes {

    private final UnsubscribeLinks links;
    private final JdbcClient jdbc;
    private final Consents consents;
    private final AuditTrail audit;

    Unsubscribes(UnsubscribeLinks links, JdbcClient jdbc, Consents consents, AuditTrail audit) {
        this.links = links;
        this.jdbc = jdbc;
        this.consents = consents;
        this.audit = audit;
    }

    /** What the link of {@code token} would stop at this school, in words; empty when it is not a link of ours. */
    @Transactional(readOnly = true)
    public Optional<String> describe(UUID school, String token) {
        return valid(school, token).map(link -> purpose(link).map(Unsubscribes::inWords).orElse("these emails"));
    }

    /** Stops what the link says; whether it was a link of this school's. Stopping twice changes nothing more. */
    public boolean stop(UUID school, String token) {
        Optional<Unsubscribe> link = valid(school, token);
        Optional<Purpose> purpose = link.flatMap(Unsubscribes::purpose);
        if (purpose.isEmpty()) {
            return false;
        }
        Optional<UUID> payee = jdbc.sql("select id from payees where school_id = :school and email = cast(:email as citext)")
                .param("school", school).param("email", link.get().email()).query(UUID.class).optional();
        payee.ifPresent(family -> {
            if (purpose.get() == Purpose.REMINDER_EMAILS) {
                jdbc.sql("update payees set reminder_emails = false, updated_at = now() where school_id = :school and id = :id")
                        .param("school", school).param("id", family).update();
            }
            consents.choose(school, family, purpose.get(), false, How.EMAIL_LINK, link.get().email());
            audit.record(school, link.get().email(), "family.unsubscribed", "payee", family.toString(),
                    Map.of("purpose", purpose.get().key()));
        });
        return true;
    }

    private Optional<Unsubscribe> valid(UUID school, String token) {
        return links.read(token).filter(link -> link.school().equals(school));
    }

    /** What a link may stop: a family's reminder emails or the school's news, never a child's policy. */
    private static Optional<Purpose> purpose(Unsubscribe link) {
        return LowerCaseNamed.named(Purpose.class, link.purpose())
                .filter(purpose -> purpose == Purpose.REMINDER_EMAILS || purpose == Purpose.NEWS);
    }

    private static String inWords(Purpose purpose) {
        return purpose == Purpose.REMINDER_EMAILS ? "lesson reminder emails" : "the school's invitations and news";
    }
}
