package academy.cedarheights.booking;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.families.FamilyProfile;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.schools.BillingPlan;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A family's side of the waitlist: only its own children wait, and only its own offers are seen and answered. */
@Service
@Transactional
public class FamilyWaitlist {

    private final FamilyProfile families;
    private final Waitlist waitlist;
    private final Offers offers;

    FamilyWaitlist(FamilyProfile families, Waitlist waitlist, Offers offers) {
        this.families = families;
        this.waitlist = waitlist;
        this.offers = offers;
    }

    /** Another family's child answers 404. */
    public WaitlistEntry join(UUID school, Caller caller, WaitRequest request) {
        caller.requireVerifiedEmail();
        families.child(school, caller, request.studentId());
        return waitlist.join(school, caller.email(), request);
    }

    @Transactional(readOnly = true)
    public List<WaitlistEntry> entries(UUID school, Caller caller) {
        return waitlist.ofFamily(school, payee(school, caller));
    }

    public void withdraw(UUID school, Caller caller, UUID entryId) {
        waitlist.withdraw(school, payee(school, caller), caller.email(), entryId);
    }

    @Transactional(readOnly = true)
    public List<OfferView> offers(UUID school, Caller caller) {
        return offers.ofFamily(school, payee(school, caller));
    }

    @Transactional(readOnly = true)
    public OfferView offer(UUID school, Caller caller, UUID offerId) {
        return offers.get(school, payee(school, caller), offerId);
    }

    public BookingAccepted accept(UUID school, Caller caller, UUID offerId, BillingPlan plan) {
        caller.requireVerifiedEmail();
        return offers.accept(school, payee(school, caller), caller.email(), offerId, plan);
    }

    public OfferView decline(UUID school, Caller caller, UUID offerId) {
        UUID payee = payee(school, caller);
        offers.decline(school, payee, caller.email(), offerId);
        return offers.get(school, payee, offerId);
    }

    private UUID payee(UUID school, Caller caller) {
        return families.payee(school, caller).id();
    }
}
