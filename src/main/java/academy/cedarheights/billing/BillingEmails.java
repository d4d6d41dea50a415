package academy.cedarheights.billing;

import java.net.URI;
import java.time.DayOfWeek;

import academy.cedarheights.booking.Billable;
import academy.cedarheights.notifications.Email;
import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.config.AppProperties;
import org.springframework.stereotype.Component;

/**
 * The emails billing sends a family, built here only: each states what was asked of the card and links to the page
 * where a card is added or replaced.
 */
@Component
class BillingEmails {

    private final AppProperties app;

    BillingEmails(AppProperties app) {
        this.app = app;
    }

    /** The hold waits for a card until it expires. */
    Email addACard(Billable hold) {
        return new Email.ProvisionalNotice(hold.parentName(), hold.student(), hold.teacher(),
                DayOfWeek.of(hold.weekday()), hold.startTime(), hold.provisionalExpiresAt(), cardPage());
    }

    /** The hold is active: its first lesson, its plan and what the card was charged (or subscribed to monthly). */
    Email booked(Billable hold, Money amount) {
        return new Email.BookingConfirmation(hold.parentName(), hold.student(), hold.teacher(),
                DayOfWeek.of(hold.weekday()), hold.startTime(), hold.startDate(), hold.billingPlan(), amount);
    }

    /** The card refused what the hold's plan asks: the month's price, or the term's lessons. */
    Email declined(Billable hold, Money amount, String reason) {
        return new Email.PaymentFailed(hold.parentName(), hold.student(), amount, reason, cardPage());
    }

    /** An invoice of the family's failed at Stripe (a renewal or a later month): its amount due. */
    Email declined(String parentName, Money amount) {
        return new Email.PaymentFailed(parentName, null, amount, "the payment was declined", cardPage());
    }

    private URI cardPage() {
        return app.link("/parent/payment-method");
    }
}
