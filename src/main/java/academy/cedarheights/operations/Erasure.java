package academy.cedarheights.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.families.FamilyErasure;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.privacy.ErasedFamily;
import academy.cedarheights.platform.privacy.PersonalData;
import academy.cedarheights.platform.privacy.PrivacyProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A family's erasure, in one transaction: the families module pseudonymises the family and says who it was, then
 * every module erases what it holds of them ({@link PersonalData}, in their order), the audit trail records that it
 * was done — by whom, on whose request, with no value that was erased — and the school's admins hear of it when the
 * family asked through the portal. All of it or nothing.
 */
@Service
public class Erasure {

    private final FamilyErasure families;
    private final List<PersonalData> steps;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final PrivacyProperties privacy;
    private final Clock clock;

    Erasure(FamilyErasure families, List<PersonalData> steps, AuditTrail audit, Notifications notifications,
            PrivacyProperties privacy, Clock clock) {
        this.families = families;
        this.steps = steps;
        this.audit = audit;
        this.notifications = notifications;
        this.privacy = privacy;
        this.clock = clock;
    }

    /** Why: the family asked (through the portal, or the school on its word), or it was inactive for years. */
    public enum Requested {
        BY_THE_FAMILY, BY_THE_SCHOOL, FOR_INACTIVITY
    }

    /**
     * What was done, as the family or the admin is told.
     *
     * @param financialRecordsKeptUntil the day the family's charges and payments go too
     */
    public record Erased(UUID payeeId, String pseudonym, Instant erasedAt, LocalDate financialRecordsKeptUntil) {
    }

    /** Erases the family; 404 for another school's or no family, 409 when it was erased already. */
    @Transactional
    public Erased erase(UUID school, UUID payee, Requested requested, String adminEmail) {
        ErasedFamily family = families.erase(school, payee);
        steps.forEach(step -> step.erase(family));
        String actor = requested == Requested.BY_THE_FAMILY ? family.address() : adminEmail;
        audit.record(school, actor, "family.erased", "payee", payee.toString(), Map.of(
                "why", requested == Requested.FOR_INACTIVITY
                        ? "no lesson or payment for " + privacy.inactiveFamilyYears() + " years" : "the family asked",
                "through", requested == Requested.BY_THE_FAMILY ? "the parent portal" : "the school",
                "children", family.children().size()));
        if (requested == Requested.BY_THE_FAMILY) {
            notifications.alertAdmins(school, "A family erased its personal data", family.pseudonym()
                    + " asked, through the parent portal, for its personal data to be erased, and it was: its bookings"
                    + " ended and their slots are free. Its charges and payments stay under that name for "
                    + privacy.financialRetentionYears() + " years.", "/admin/families/" + payee);
        }
        Instant now = clock.instant();
        return new Erased(payee, family.pseudonym(), now,
                now.atOffset(ZoneOffset.UTC).toLocalDate().plusYears(privacy.financialRetentionYears()));
    }
}
