package academy.cedarheights.billing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.booking.Terms;
import academy.cedarheights.platform.Money;
import academy.cedarheights.schools.Schools;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What an invoice's events put in the family's ledger — its charge and its payment, paid or failed — and, for a
 * subscription's month, how far the enrollment is paid. The billing run usually wrote both already from the gateway's
 * answer; then nothing is written twice.
 */
@Component
class InvoiceEvents {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Receipts receipts;
    private final Schools schools;
    private final Terms terms;
    private final RenewalCharges renewalCharges;
    private final Renewals renewals;
    private final SiblingDiscounts discounts;

    InvoiceEvents(JdbcClient jdbc, Ledger ledger, Receipts receipts, Schools schools, Terms terms,
                  RenewalCharges renewalCharges, Renewals renewals, SiblingDiscounts discounts) {
        this.discounts = discounts;
        this.renewals = renewals;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.receipts = receipts;
        this.schools = schools;
        this.terms = terms;
        this.renewalCharges = renewalCharges;
    }

    void paid(UUID school, UUID payee, JsonNode invoice) {
        if (nothingAsked(invoice)) {
            return;  // a trial's $0 invoice: nothing owed, nothing to receipt
        }
        Period period = charge(school, payee, invoice);
        ledger.paymentOf(school, payee, period.enrollment(), invoice.path("id").asString(),
                        money(invoice.path("amount_paid").asLong(), invoice), null, "paid")
                .ifPresent(entry -> receipts.send(school, entry));
        StripeEventHandlers.subscriptionOf(invoice).ifPresent(subscription -> terms.monthPaid(school, subscription, period.to()));
        chargeId(invoice).ifPresent(charge -> renewalCharges.paidAtProvider(school, charge, invoice.path("id").asString()));
    }

    void failed(UUID school, UUID payee, JsonNode invoice) {
        if (nothingAsked(invoice)) {
            return;
        }
        Period period = charge(school, payee, invoice);
        ledger.paymentOf(school, payee, period.enrollment(), invoice.path("id").asString(),
                money(invoice.path("amount_due").asLong(), invoice), null, "failed");
        // a renewal's bank debit that failed days later: its grace days begin now
        chargeId(invoice).ifPresent(charge -> renewals.declined(school, charge, "the payment did not go through",
                invoice.path("id").asString()));
    }

    private record Period(UUID enrollment, LocalDate from, LocalDate to) {
    }

    /**
     * The invoice's charge: what it asked for and for which enrollment; for a subscription's month, the days it covers
     * (its line's period; a one-off invoice's line carries only its own date, so the run that made it says which).
     */
    private Period charge(UUID school, UUID payee, JsonNode invoice) {
        ZoneId zone = ZoneId.of(schools.branding(school).timeZone());
        JsonNode line = invoice.path("lines").path("data").path(0);
        boolean month = StripeEventHandlers.subscriptionOf(invoice).isPresent();
        LocalDate from = month ? day(line.path("period").path("start"), zone) : null;
        LocalDate end = month ? day(line.path("period").path("end"), zone) : null;
        LocalDate to = end == null || from == null || !end.isAfter(from) ? from : end.minusDays(1);
        UUID enrollment = enrollmentOf(school, invoice).orElse(null);
        String description = firstNonBlank(invoice.path("description").asString(""), line.path("description").asString(""),
                "Lessons");
        long total = invoice.path("total").isNumber() ? invoice.path("total").asLong() : invoice.path("amount_due").asLong();
        SiblingDiscounts.Priced priced = month ? discounts.invoiced(school, enrollment, money(total, invoice))
                : SiblingDiscounts.Priced.full(money(total, invoice));
        discounts.charged(school, payee, enrollment, invoice.path("id").asString(), priced,
                Ledger.ChargeFor.period(description, from, to), false);
        return new Period(enrollment, from, to);
    }

    /** By our metadata (a term's invoice) or by the subscription it bills (a month's). */
    private Optional<UUID> enrollmentOf(UUID school, JsonNode invoice) {
        Optional<UUID> byMetadata = uuid(invoice.path("metadata").path("enrollment_id").asString(null))
                .filter(id -> jdbc.sql("select exists (select 1 from enrollments where school_id = :school and id = :id)")
                        .param("school", school).param("id", id).query(Boolean.class).single());
        if (byMetadata.isPresent()) {
            return byMetadata;
        }
        return StripeEventHandlers.subscriptionOf(invoice).flatMap(subscription -> jdbc.sql("""
                        select id from enrollments where school_id = :school and stripe_subscription_id = :subscription
                         order by created_at desc limit 1""")
                .param("school", school).param("subscription", subscription).query(UUID.class).optional());
    }

    private static boolean nothingAsked(JsonNode invoice) {
        return (invoice.path("total").isNumber() ? invoice.path("total").asLong() : invoice.path("amount_due").asLong()) == 0;
    }

    private static Optional<UUID> chargeId(JsonNode invoice) {
        return uuid(invoice.path("metadata").path("charge_id").asString(null));
    }

    /** Our ids in an event's metadata; anything else there (another system's invoice) is not ours to read. */
    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.ofNullable(text).map(UUID::fromString);
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * The school's day a period boundary falls on. Stripe keeps a subscription's anchor at one UTC time of day, so a
     * boundary set at local midnight in summer lands at 11 p.m. the evening before once DST ends: the nearest local
     * midnight is the day meant.
     */
    private static LocalDate day(JsonNode epochSeconds, ZoneId zone) {
        return epochSeconds.isNumber()
                ? Instant.ofEpochSecond(epochSeconds.asLong()).plus(Duration.ofHours(12)).atZone(zone).toLocalDate()
                : null;
    }

    private static Money money(long cents, JsonNode invoice) {
        return Money.of(cents, invoice.path("currency").asString("cad").toUpperCase(Locale.ROOT));
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (!candidate.isBlank()) {
                return candidate;
            }
        }
        return "";
    }
}
