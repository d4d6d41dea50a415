package academy.cedarheights.billing;

import java.net.URI;
import java.time.DayOfWeek;
import java.util.UUID;

import academy.cedarheights.booking.Billable;
import academy.cedarheights.notifications.Email;
import academy.cedarheights.platform.Money;
import academy.cedarheights.schools.SchoolAddresses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The emails billing sends a family, built here only: each states what was asked of the card and links to the page
 * where a card is added or replaced.
 */
@Component
class BillingEmails {

    private final SchoolAddresses addresses;
    private final Counter declined;

    BillingEmails(SchoolAddresses addresses, MeterRegistry registry) {
        this.addresses = addresses;
        // every refused payment a family is told of: an operator alerts when they come in numbers
        this.declined = Counter.builder("cedar.payments.failed").description("Payments the card or bank refused")
                .register(registry);
    }

    /** The hold waits for a card until it expires. */
    Email addACard(UUID school, Billable hold) {
        return new Email.ProvisionalNotice(hold.parentName(), hold.student(), hold.teacher(),
                DayOfWeek.of(hold.weekday()), hold.startTime(), hold.provisionalExpiresAt(), cardPage(school));
    }

    /** The hold is active: its first lesson, its plan and what the card was charged (or subscribed to monthly). */
    Email booked(Billable hold, Money amount) {
        return new Email.BookingConfirmation(hold.parentName(), hold.student(), hold.teacher(),
                DayOfWeek.of(hold.weekday()), hold.startTime(), hold.startDate(), hold.billingPlan(), amount);
    }

    /** The card refused what the hold's plan asks: the month's price, or the term's lessons. */
    Email declined(UUID school, Billable hold, Money amount, String reason) {
        declined.increment();
        return new Email.PaymentFailed(hold.parentName(), hold.student(), amount, reason, cardPage(school));
    }

    /** An invoice of the family's failed at Stripe (a renewal or a later month): its amount due. */
    Email declined(UUID school, String parentName, Money amount) {
        declined.increment();
        return new Email.PaymentFailed(parentName, null, amount, "the payment was declined", cardPage(school));
    }

    /** A renewal the card refused: the term's amount, for whose lessons. */
    Email declined(UUID school, String parentName, String student, Money amount, String reason) {
        declined.increment();
        return new Email.PaymentFailed(parentName, student, amount, reason, cardPage(school));
    }

    private URI cardPage(UUID school) {
        return addresses.link(school, "/parent/payment-method");
    }
}
