package academy.cedarheights.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.schools.SchoolAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receipt of each payment a family made: the school (name, postal address, tax registration), the family, what was
 * paid for and the lessons it covered, the amount, how and when. Sent by email once the payment is paid, and shown as a
 * page (or a PDF) to the family and the school's admins.
 */
@Service
@Transactional(readOnly = true)
public class Receipts {

    private static final Map<String, String> METHODS = Map.of("acss_debit", "Pre-authorised debit", "cash", "Cash",
            "cheque", "Cheque", "e_transfer", "e-Transfer", "other", "Other");

    private final JdbcClient jdbc;
    private final SchoolAddresses addresses;
    private final Notifications notifications;

    Receipts(JdbcClient jdbc, SchoolAddresses addresses, Notifications notifications) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.notifications = notifications;
    }

    /**
     * @param number      a short reference the family can quote
     * @param lessons     the lessons paid for, with their first and last dates; null for a month or a payment on account
     * @param taxIncluded the part of the amount that is tax, when the school set a rate; null otherwise
     */
    public record Receipt(UUID id, UUID payeeId, String number, String school, String schoolAddress,
                          String taxRegistration, BigDecimal taxRatePercent, Money taxIncluded, String family,
                          String familyEmail, String paidFor, Integer lessons, LocalDate coversFrom, LocalDate coversTo,
                          Money amount, String method, LocalDate paidOn, String note, URI url) {
    }

    private record Row(UUID id, UUID payeeId, String school, String postalAddress, String taxRegistration,
                       BigDecimal taxRatePercent, String timeZone, String family, String familyEmail, String paidFor,
                       Integer lessons, LocalDate coversFrom, LocalDate coversTo, long amountCents, String currency,
                       String method, String brand, String last4, Instant occurredAt, String note) {
    }

    /** A paid payment of the school's; anything else (a charge, another school's, a failed payment) is not found. */
    public Receipt of(UUID school, UUID entryId) {
        Row row = jdbc.sql("""
                        select l.id, l.payee_id, s.name as school, s.postal_address, s.tax_registration,
                               s.tax_rate_percent, s.time_zone, p.name as family, p.email::text as family_email,
                               c.description as paid_for, c.lessons, c.covers_from, c.covers_to,
                               -l.amount_cents as amount_cents, l.currency, l.method, b.method_brand as brand,
                               b.method_last4 as last4, l.occurred_at, l.note
                          from ledger_entries l
                          join schools s on s.id = l.school_id
                          join payees p on p.school_id = l.school_id and p.id = l.payee_id
                          left join ledger_entries c on c.school_id = l.school_id and c.kind = 'charge'
                                and (c.provider_ref = l.provider_ref or c.id = l.pays)
                          left join billing_customers b on b.school_id = l.school_id and b.payee_id = l.payee_id
                         where l.school_id = :school and l.id = :id and l.kind = 'payment' and l.status = 'paid'""")
                .param("school", school).param("id", entryId).query(Row.class).optional()
                .orElseThrow(() -> new NoSuchRecord("receipt", entryId));
        Money amount = Money.of(row.amountCents(), row.currency());
        return new Receipt(row.id(), row.payeeId(), row.id().toString().substring(0, 8).toUpperCase(),
                row.school(), row.postalAddress(), row.taxRegistration(), row.taxRatePercent(),
                taxIncluded(amount, row.taxRatePercent()), row.family(), row.familyEmail(), row.paidFor(), row.lessons(),
                row.coversFrom(), row.coversTo(), amount, method(row),
                row.occurredAt().atZone(ZoneId.of(row.timeZone())).toLocalDate(), row.note(),
                addresses.link(school, "/receipts/" + row.id()));
    }

    /** Emails the receipt of a payment just made paid to the family. */
    @Transactional
    public void send(UUID school, UUID entryId) {
        Receipt receipt = of(school, entryId);
        notifications.email(school, receipt.familyEmail(), new Email.PaymentReceipt(receipt.family(), receipt.amount(),
                receipt.paidFor(), receipt.method(), receipt.paidOn(), receipt.url()));
    }

    /** Prices include tax where a school charges it: the tax is the part rate / (100 + rate) of the amount. */
    private static Money taxIncluded(Money amount, BigDecimal ratePercent) {
        if (ratePercent == null || ratePercent.signum() == 0) {
            return null;
        }
        long tax = BigDecimal.valueOf(amount.amount()).multiply(ratePercent)
                .divide(ratePercent.add(BigDecimal.valueOf(100)), 0, RoundingMode.HALF_UP).longValueExact();
        return Money.of(tax, amount.currency());
    }

    private static String method(Row row) {
        if (row.method() == null || row.method().equals("card")) {
            return row.brand() != null && row.last4() != null
                    ? capitalised(row.brand()) + " ending in " + row.last4() : "Card";
        }
        return METHODS.getOrDefault(row.method(), row.method());
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
