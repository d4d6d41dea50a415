package academy.cedarheights.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.billing.gateway.Charged;
import academy.cedarheights.billing.gateway.LessonCharge;
import academy.cedarheights.billing.gateway.MonthlyPlan;
import academy.cedarheights.billing.gateway.NewCustomer;
import academy.cedarheights.billing.gateway.PaymentGateway;
import academy.cedarheights.billing.gateway.PaymentRefused;
import academy.cedarheights.booking.Billable;
import academy.cedarheights.booking.Holds;
import academy.cedarheights.booking.PaymentProblems;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.Money;
import academy.cedarheights.schools.BillingPlan;
import academy.cedarheights.schools.PlanQuotes;
import academy.cedarheights.schools.Schools;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a hold into an active enrollment in four steps — customer, payment method, charge (a monthly subscription
 * prorated to the 1st of next month, or an invoice for the term's lessons), settle — each provider call outside any
 * transaction. Each step stores its result before the next and each provider write carries an idempotency key from
 * our ids; a run after the first looks for what an earlier one made by our metadata (keys last 24 hours), so a crash
 * or a retry the next day charges nothing twice. A charge that lands after its hold was cancelled, expired or
 * activated by hand is recorded and undone ({@link OrphanCharges}). Without a card the family is asked once and the
 * hold waits.
 */
@Component
class BillingPipeline {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Holds holds;
    private final PaymentGateway gateway;
    private final PlanQuotes quotes;
    private final Notifications notifications;
    private final BillingEmails emails;
    private final StripeCustomers customers;
    private final OrphanCharges orphans;
    private final Schools schools;
    private final MonthlyPrices prices;
    private final PaymentProblems problems;
    private final Ledger ledger;
    private final Receipts receipts;
    private final Clock clock;
    private final SiblingDiscounts discounts;

    BillingPipeline(JdbcClient jdbc, TransactionTemplate transaction, Holds holds, PaymentGateway gateway,
                    PlanQuotes quotes, Notifications notifications, BillingEmails emails, StripeCustomers customers,
                    OrphanCharges orphans, Schools schools, MonthlyPrices prices, PaymentProblems problems,
                    Ledger ledger, Receipts receipts, Clock clock, SiblingDiscounts discounts) {
        this.discounts = discounts;
        this.ledger = ledger;
        this.receipts = receipts;
        this.clock = clock;
        this.problems = problems;
        this.orphans = orphans;
        this.schools = schools;
        this.prices = prices;
        this.customers = customers;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.holds = holds;
        this.gateway = gateway;
        this.quotes = quotes;
        this.notifications = notifications;
        this.emails = emails;
    }

    /**
     * What is charged (the plan's quote — the school's monthly price, or the term's lessons — less a sibling discount),
     * the school's zone, whether an earlier run may have charged already, and the stored monthly price at the provider
     * (null until one is made, and for the other plans).
     */
    private record Charging(SiblingDiscounts.Priced priced, ZoneId zone, boolean retry, String monthlyPrice,
                            PlanQuotes.Quote quote, LocalDate from, Money fromCredit) {

        /** What the family pays: the quote less its sibling discount. */
        Money amount() {
            return priced.net();
        }

        /** What the card pays: the amount less what the family's credit covers (a term's; a month is all card). */
        Money fromCard() {
            return Money.of(amount().amount() - fromCredit.amount(), amount().currency());
        }
    }

    /** Counts this run of the hold's billing; true for its first. */
    private boolean firstRun(UUID school, UUID enrollmentId) {
        return jdbc.sql("""
                        insert into billing_runs as r (school_id, enrollment_id) values (:school, :enrollment)
                        on conflict (school_id, enrollment_id) do update set runs = r.runs + 1
                        returning runs""")
                .param("school", school).param("enrollment", enrollmentId).query(Integer.class).single() == 1;
    }

    /** A hold to bill, with what billing itself knows of the family. */
    private record Waiting(Billable hold, StripeCustomers.Family family) {
    }

    /**
     * The provider's ids of what a charge made: a subscription (monthly) or an invoice (semester, yearly), paid or —
     * a bank debit — processing.
     */
    private record Charge(String subscription, String invoice, boolean processing, String firstInvoice,
                          Money invoiced) {
    }

    /** The run, in its four named steps: customer → payment method → charge → settle. */
    void bill(UUID school, UUID enrollmentId) {
        Waiting waiting = transaction.execute(status -> holds.waiting(school, enrollmentId)
                .map(hold -> new Waiting(hold, customers.of(school, hold.payeeId()))).orElse(null));
        if (waiting == null) {
            // nothing to bill; but an earlier run may have left a charge for this hold to undo
            orphans.undo(school, enrollmentId, gateway);
            return;
        }
        Billable hold = waiting.hold();
        boolean newCustomer = waiting.family().customerId() == null;
        String customer = customer(school, waiting);
        Optional<String> card = gateway.defaultPaymentMethod(customer, waiting.family().defaultPaymentMethod());
        if (card.isEmpty()) {
            // a new customer and the request for a card are stored together: one commit, not two
            transaction.executeWithoutResult(status -> {
                rememberIfNew(school, hold, newCustomer, customer);
                askForCard(school, hold);
            });
            return;
        }
        Charging charging = transaction.execute(status -> {
            rememberIfNew(school, hold, newCustomer, customer);
            return charging(school, hold);
        });
        try {
            settle(school, hold, charge(school, hold, customer, card.get(), charging), charging);
        } catch (PaymentRefused refused) {
            // the family is told what was asked of their card: the month's price, or the lessons of the term
            transaction.executeWithoutResult(status -> refused(school, hold, refused.getMessage(), charging.amount()));
        }
    }

    /** The family's customer at the provider: the one on file, or one made now (stored with the run's next write). */
    private String customer(UUID school, Waiting waiting) {
        Billable hold = waiting.hold();
        return waiting.family().customerId() != null ? waiting.family().customerId()
                : gateway.createCustomer(new NewCustomer(school, hold.payeeId(), hold.parentEmail(), hold.parentName()));
    }

    /**
     * A term plan pays for its lessons from today (those that passed while the hold waited for a card were not given)
     * through the last lesson of the term it booked; a monthly plan pays the school's monthly price.
     */
    private Charging charging(UUID school, Billable hold) {
        ZoneId zone = ZoneId.of(schools.branding(school).timeZone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = hold.startDate().isAfter(today) ? hold.startDate() : today;
        PlanQuotes.Quote quote = hold.billingPlan() == BillingPlan.MONTHLY
                ? quotes.of(school, hold.billingPlan(), hold.weekday(), hold.startDate())
                : quotes.forLessons(school, hold.billingPlan(), hold.weekday(), from, hold.paidThrough());
        boolean monthly = hold.billingPlan() == BillingPlan.MONTHLY;
        SiblingDiscounts.Priced priced = discounts.price(school, hold.enrollmentId(), quote.amount());
        Money credit = ledger.availableCredit(school, hold.payeeId());
        Money fromCredit = Money.of(monthly ? 0 : Math.min(credit.amount(), priced.net().amount()),
                quote.amount().currency());
        return new Charging(priced, zone, !firstRun(school, hold.enrollmentId()),
                monthly ? prices.stored(school, priced.net()) : null, quote, from, fromCredit);
    }

    /** A monthly subscription under the school's price, or an invoice for the term's lessons paid now. */
    private Charge charge(UUID school, Billable hold, String customer, String card, Charging charging) {
        if (hold.billingPlan() == BillingPlan.MONTHLY) {
            String price = prices.of(school, charging.amount(), charging.monthlyPrice(), gateway);
            Charged subscription = gateway.subscribeMonthly(new MonthlyPlan(school, hold.enrollmentId(), customer, card,
                    price, description(hold), firstBilledMonth(charging), startsLater(charging), charging.retry()));
            return new Charge(subscription.id(), null, subscription.processing(), subscription.invoiceId(),
                    subscription.invoiced());
        }
        if (charging.fromCard().amount() == 0) {
            // the family's credit pays the whole term: nothing to ask of the card
            return new Charge(null, null, false, "credit-" + hold.enrollmentId(), charging.amount());
        }
        Charged invoice = gateway.chargeLessons(new LessonCharge(school, hold.enrollmentId(), hold.enrollmentId(),
                customer, card, charging.fromCard(), description(hold), charging.retry()));
        return new Charge(null, invoice.id(), invoice.processing(), invoice.invoiceId(), invoice.invoiced());
    }

    /**
     * A customer the gateway has just made is stored with the run's next write, before anything is charged to
     * it. Should the run stop before that (the card lookup failing, say), its retry asks for the customer again
     * under the same idempotency key and gets the same one back.
     */
    private void rememberIfNew(UUID school, Billable hold, boolean isNew, String customer) {
        if (isNew) {
            customers.remember(school, hold.payeeId(), customer);
        }
    }

    private void askForCard(UUID school, Billable hold) {
        if (holds.noticeSent(school, hold.enrollmentId(), "no payment method on file")) {
            notifications.email(school, hold.parentEmail(), emails.addACard(school, hold));
        }
    }

    /**
     * The charge is made: the hold becomes active — unless, while the gateway was making it, the hold was cancelled,
     * expired or activated by hand. Then the charge is an orphan, recorded with that finding and undone at once.
     */
    private void settle(UUID school, Billable hold, Charge charge, Charging charging) {
        boolean activated = transaction.execute(status -> {
            if (holds.activate(school, hold.enrollmentId(), charge.subscription(), charge.invoice(), charging.from())) {
                if (charge.subscription() != null) {
                    discounts.subscribed(school, hold.enrollmentId(), charging.priced().percent());
                }
                if (charge.processing()) {
                    problems.processing(school, charge.subscription() != null ? charge.subscription() : charge.invoice());
                }
                notifications.email(school, hold.parentEmail(), emails.booked(hold, charging.amount()));
                inLedger(school, hold, charge, charging);
                return true;
            }
            orphans.found(school, hold.enrollmentId(), charge.subscription(), charge.invoice());
            return false;
        });
        if (!activated) {
            orphans.undo(school, hold.enrollmentId(), gateway);
        }
    }

    /** The invoice and its payment, unless a retry found them made (then the provider's events bring them). */
    private void inLedger(UUID school, Billable hold, Charge charge, Charging charging) {
        if (charge.firstInvoice() == null || charge.invoiced() != null && charge.invoiced().amount() == 0) {
            return;  // nothing charged yet (a month that starts later), or found made by an earlier run
        }
        Money invoiced = charge.invoiced() != null ? charge.invoiced() : charging.amount();
        // a month's invoice may be prorated: its full price and discount are worked back from what was invoiced
        SiblingDiscounts.Priced priced = hold.billingPlan() == BillingPlan.MONTHLY
                ? discounts.invoiced(school, hold.enrollmentId(), invoiced) : charging.priced();
        PlanQuotes.Quote quote = charging.quote();
        Ledger.ChargeFor what = hold.billingPlan() == BillingPlan.MONTHLY
                ? Ledger.ChargeFor.period(description(hold) + ", to the end of the month", today(charging),
                        today(charging).withDayOfMonth(today(charging).lengthOfMonth()))
                : Ledger.ChargeFor.lessons(description(hold) + ", " + quote.lessons() + " lessons", quote.lessons(),
                        charging.from(), hold.paidThrough());
        discounts.charged(school, hold.payeeId(), hold.enrollmentId(), charge.firstInvoice(), priced, what, true);
        if (charging.fromCard().amount() > 0) {
            ledger.paymentOf(school, hold.payeeId(), hold.enrollmentId(), charge.firstInvoice(),
                    hold.billingPlan() == BillingPlan.MONTHLY ? invoiced : charging.fromCard(), null,
                    charge.processing() ? "processing" : "paid").ifPresent(paid -> receipts.send(school, paid));
        } else {
            ledger.settledByCredit(school, charge.firstInvoice());
        }
    }

    private void refused(UUID school, Billable hold, String reason, Money amount) {
        holds.failed(school, hold.enrollmentId(), reason);
        notifications.email(school, hold.parentEmail(), emails.declined(school, hold, amount, reason));
    }

    private LocalDate today(Charging charging) {
        return LocalDate.now(clock.withZone(charging.zone()));
    }

    /** Whether the first lesson is in a later month than today's: then nothing is billed before that month. */
    private boolean startsLater(Charging charging) {
        return charging.from().withDayOfMonth(1).isAfter(LocalDate.now(clock.withZone(charging.zone())).withDayOfMonth(1));
    }

    /** The first month billed in full: the first lesson's month when it starts later, else next month. */
    private Instant firstBilledMonth(Charging charging) {
        LocalDate month = startsLater(charging) ? charging.from().withDayOfMonth(1)
                : LocalDate.now(clock.withZone(charging.zone())).withDayOfMonth(1).plusMonths(1);
        return month.atStartOfDay(charging.zone()).toInstant();
    }

    private static String description(Billable hold) {
        return Ledger.ChargeFor.lessonsOf(hold.student(), hold.teacher());
    }
}
