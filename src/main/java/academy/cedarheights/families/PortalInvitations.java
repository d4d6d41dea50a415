package academy.cedarheights.families;

import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.schools.SchoolAddresses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family the school enrolled itself is asked to the parent portal: an email telling them to sign up with the
 * address on record. Nothing is handed over by the link — the record becomes theirs once they prove that address,
 * as for any family.
 */
@Service
@Transactional
public class PortalInvitations {

    private final Payees payees;
    private final Notifications notifications;
    private final SchoolAddresses addresses;
    private final AuditTrail audit;
    private final Consents consents;

    PortalInvitations(Payees payees, Notifications notifications, SchoolAddresses addresses, AuditTrail audit,
                      Consents consents) {
        this.consents = consents;
        this.payees = payees;
        this.notifications = notifications;
        this.addresses = addresses;
        this.audit = audit;
    }

    public void invite(UUID school, String actor, UUID payeeId) {
        Payee payee = payees.get(school, payeeId);
        if (payee.status().equals(FamilyErasure.ERASED)) {
            throw new ConflictWithCurrentState("This family's personal data was erased; there is no one to invite.");
        }
        if (payee.signsIn()) {
            throw new ConflictWithCurrentState(payee.name() + " already signs in to the parent portal.");
        }
        if (consents.withdrawn(school, payeeId, Consent.Purpose.NEWS)) {
            throw new ConflictWithCurrentState(payee.name() + " unsubscribed from the school's invitations and news.");
        }
        notifications.email(school, payee.email(), new Email.PortalInvitation(payee.name(), payee.email(),
                addresses.link(school, "/sign-up")));
        audit.record(school, actor, "family.invited", "payee", payeeId.toString(), Map.of("email", payee.email()));
    }
}
