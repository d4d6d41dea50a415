package academy.cedarheights.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.platform.Money;
import academy.cedarheights.schools.SchoolAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each family's account: every invoice the school issues is a charge, every payment, refund and credit an entry of its
 * own. An entry made from the provider is keyed by the provider's id, so whichever comes first — the gateway's
 * answer or its event — writes it, and the other finds it written (a payment's status may still move on:
 * processing → paid, failed → paid).
 */
@Service
@Transactional
public class Ledger {

    private static final String ENTRIES = """
            select id, occurred_at, kind, amount_cents, currency, description, enrollment_id, status, method
              from ledger_entries
            """;

    private final JdbcClient jdbc;
    private final SchoolAddresses addresses;
    private final Clock clock;

    Ledger(JdbcClient jdbc, SchoolAddresses addresses, Clock clock) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** When an entry happens: the application's clock, so that a year can be walked through in a test. */
    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** What a charge is for: its description and, for lessons, how many and from when to when. */
    record ChargeFor(String description, Integer lessons, LocalDate from, LocalDate to) {

        static ChargeFor lessons(String description, int lessons, LocalDate from, LocalDate to) {
            return new ChargeFor(description, lessons, from, to);
        }

        static ChargeFor period(String description, LocalDate from, LocalDate to) {
            return new ChargeFor(description, null, from, to);
        }

        /** A calendar month of a monthly plan's lessons: "Weekly lessons for Ava with Maya Chen, April 2027". */
        static ChargeFor month(String student, String teacher, LocalDate month) {
            LocalDate first = month.withDayOfMonth(1);
            return period(lessonsOf(student, teacher) + ", " + first.getMonth().getDisplayName(TextStyle.FULL,
                    Locale.CANADA) + " " + first.getYear(), first, first.withDayOfMonth(first.lengthOfMonth()));
        }

        /** What every lesson charge says it is for. */
        static String lessonsOf(String student, String teacher) {
            return "Weekly lessons for " + student + " with " + teacher;
        }
    }

    /** An invoice our own run issued: what it says stands, whenever the provider's event about it comes. */
    void charged(UUID school, UUID payee, UUID enrollment, String invoice, Money amount, ChargeFor what) {
        charged(school, payee, enrollment, invoice, amount, what, true);
    }

    /**
     * An invoice issued to the family; once per invoice. Our run knows the whole of it (a term's full price, even where
     * a credit paid part and the invoice asks only the rest; its lessons and days): written second, it corrects what
     * the provider's event wrote first ({@code ours}); the event, written second, only fills what the run left out.
     */
    void charged(UUID school, UUID payee, UUID enrollment, String invoice, Money amount, ChargeFor what, boolean ours) {
        jdbc.sql("""
                        insert into ledger_entries (school_id, payee_id, enrollment_id, kind, status, amount_cents, currency,
                                                    description, provider_ref, lessons, covers_from, covers_to, occurred_at)
                        values (:school, :payee, :enrollment, 'charge', 'open', :amount, :currency, :description,
                                :invoice, :lessons, :from, :to, :at)
                        on conflict (school_id, kind, provider_ref) where provider_ref is not null do update
                           set enrollment_id = coalesce(ledger_entries.enrollment_id, excluded.enrollment_id),
                               amount_cents = case when :ours then excluded.amount_cents else ledger_entries.amount_cents end,
                               description = case when :ours then excluded.description else ledger_entries.description end,
                               lessons = case when :ours then coalesce(excluded.lessons, ledger_entries.lessons)
                                              else coalesce(ledger_entries.lessons, excluded.lessons) end,
                               covers_from = case when :ours then coalesce(excluded.covers_from, ledger_entries.covers_from)
                                                  else coalesce(ledger_entries.covers_from, excluded.covers_from) end,
                               covers_to = case when :ours then coalesce(excluded.covers_to, ledger_entries.covers_to)
                                                else coalesce(ledger_entries.covers_to, excluded.covers_to) end""")
                .param("school", school).param("payee", payee).param("enrollment", enrollment).param("at", now())
                .param("amount", amount.amount()).param("currency", amount.currency())
                .param("description", what.description()).param("invoice", invoice).param("lessons", what.lessons())
                .param("from", what.from()).param("to", what.to()).param("ours", ours).update();
    }

    /**
     * The payment of an invoice, as the provider reports it ({@code processing}, {@code paid} or {@code failed}); a
     * paid invoice's charge is marked paid with it. A payment already paid stays so.
     *
     * @return the payment's entry when this report is the one that made it paid (its receipt is then sent)
     */
    Optional<UUID> paymentOf(UUID school, UUID payee, UUID enrollment, String invoice, Money amount, String method,
                             String status) {
        Optional<UUID> paidNow = jdbc.sql("""
                        with before as (select status from ledger_entries
                                         where school_id = :school and kind = 'payment' and provider_ref = :invoice),
                             written as (
                                 insert into ledger_entries (school_id, payee_id, enrollment_id, kind, status, amount_cents,
                                                             currency, description, method, provider_ref, occurred_at)
                                 values (:school, :payee, :enrollment, 'payment', :status, :amount, :currency,
                                         'Payment', coalesce(cast(:method as text),
                                             (select b.method_type from billing_customers b
                                               where b.school_id = :school and b.payee_id = :payee), 'card'),
                                         :invoice, :at)
                                 on conflict (school_id, kind, provider_ref) where provider_ref is not null do update
                                    set status = excluded.status, amount_cents = excluded.amount_cents,
                                        occurred_at = case when excluded.status = 'paid' then excluded.occurred_at
                                                           else ledger_entries.occurred_at end,
                                        updated_at = now()
                                  where ledger_entries.status <> 'paid'
                                 returning id, status)
                        select w.id from written w where w.status = 'paid'
                           and coalesce((select status from before), '') <> 'paid'""")
                .param("school", school).param("payee", payee).param("enrollment", enrollment).param("at", now())
                .param("invoice", invoice).param("amount", -amount.amount()).param("currency", amount.currency())
                .param("method", method).param("status", status).query(UUID.class).optional();
        if ("paid".equals(status)) {
            jdbc.sql("""
                            update ledger_entries set status = 'paid', updated_at = now()
                             where school_id = :school and kind = 'charge' and provider_ref = :invoice and status = 'open'""")
                    .param("school", school).param("invoice", invoice).update();
        }
        return paidNow;
    }

    /** What the family may spend of its credit: the balance, when the school owes the family; zero otherwise. */
    @Transactional(readOnly = true)
    public Money availableCredit(UUID school, UUID payee) {
        Money balance = balance(school, payee);
        return Money.of(Math.max(0, -balance.amount()), balance.currency());
    }

    /**
     * A charge the family's credit paid whole. (A credit spent needs no entry of its own: it is already in the balance,
     * which the charge it pays brings back to zero.)
     */
    void settledByCredit(UUID school, String chargeRef) {
        jdbc.sql("""
                        update ledger_entries set status = 'paid', updated_at = now()
                         where school_id = :school and kind = 'charge' and provider_ref = :ref and status = 'open'""")
                .param("school", school).param("ref", chargeRef).update();
    }

    /** The provider's invoice was voided: its charge (and any payment of it that did not go through) counts no more. */
    void voided(UUID school, String invoice) {
        jdbc.sql("""
                        update ledger_entries set status = 'void', updated_at = now()
                         where school_id = :school and provider_ref = :invoice and kind in ('charge', 'payment')
                           and status in ('open', 'failed')""")
                .param("school", school).param("invoice", invoice).update();
    }

    /** Where the payment of a provider's invoice stands in the ledger, if it is there. */
    @Transactional(readOnly = true)
    public Optional<String> paymentStatus(UUID school, String invoice) {
        return jdbc.sql("""
                        select status from ledger_entries where school_id = :school and kind = 'payment' and provider_ref = :invoice""")
                .param("school", school).param("invoice", invoice).query(String.class).optional();
    }

    /** Money the school received outside the provider (cash, cheque, e-Transfer): a paid payment at once. */
    UUID receivedOutside(UUID school, UUID payee, UUID enrollment, Money amount, String method, String note,
                         String recordedBy) {
        UUID pays = settleOpenCharges(school, payee, enrollment, amount).stream().findFirst().orElse(null);
        return jdbc.sql("""
                        insert into ledger_entries (school_id, payee_id, enrollment_id, kind, status, amount_cents, currency,
                                                    description, method, note, recorded_by, occurred_at, pays)
                        values (:school, :payee, :enrollment, 'payment', 'paid', :amount, :currency, :description,
                                :method, :note, :by, :at, :pays)
                        returning id""")
                .param("school", school).param("payee", payee).param("enrollment", enrollment).param("at", now())
                .param("amount", -amount.amount()).param("currency", amount.currency())
                .param("description", "Payment received (" + method.replace('_', '-') + ")").param("method", method)
                .param("note", note).param("by", recordedBy).param("pays", pays).query(UUID.class).single();
    }

    /**
     * The family's open charges (the enrollment's, when the payment names one) that the amount covers whole, oldest
     * first, are paid by it; a charge it covers only in part stays open, its rest owed.
     *
     * @return the charges it paid, oldest first
     */
    private List<UUID> settleOpenCharges(UUID school, UUID payee, UUID enrollment, Money amount) {
        return jdbc.sql("""
                        with open_charges as (
                                 select id, sum(amount_cents) over (order by occurred_at, id) as running
                                   from ledger_entries
                                  where school_id = :school and payee_id = :payee and kind = 'charge' and status = 'open'
                                    and (cast(:enrollment as uuid) is null or enrollment_id = :enrollment))
                        update ledger_entries l set status = 'paid', updated_at = now()
                          from open_charges o where l.school_id = :school and l.id = o.id and o.running <= :amount
                        returning l.id, o.running""")
                .param("school", school).param("payee", payee).param("enrollment", enrollment)
                .param("amount", amount.amount())
                .query((rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getLong(2)}).list().stream()
                .sorted(Comparator.comparingLong(settled -> (Long) settled[1]))
                .map(settled -> (UUID) settled[0]).toList();
    }

    /**
     * A sibling discount on an invoice's charge, as its own line beside the charge at full price; once per invoice.
     * Nothing is written for a discount of nothing.
     */
    void discounted(UUID school, UUID payee, UUID enrollment, String invoice, Money discount, int percent) {
        if (discount.amount() > 0) {
            settlement(school, payee, enrollment, "adjustment", "paid", -discount.amount(), discount.currency(),
                    "Sibling discount (" + percent + "%)", invoice);
        }
    }

    /** Money owed back to the family (unused lessons of a cancelled term), used first by their next charge. */
    void credited(UUID school, UUID payee, UUID enrollment, Money amount, String description, String reference) {
        settlement(school, payee, enrollment, "credit", "open", -amount.amount(), amount.currency(), description, reference);
    }

    /** Money paid back to the family through the provider. */
    void refunded(UUID school, UUID payee, UUID enrollment, Money amount, String description, String reference) {
        settlement(school, payee, enrollment, "refund", "paid", amount.amount(), amount.currency(), description, reference);
    }

    /** A credit, a refund or a discount, once per reference. */
    private void settlement(UUID school, UUID payee, UUID enrollment, String kind, String status, long cents,
                            String currency, String description, String reference) {
        jdbc.sql("""
                        insert into ledger_entries (school_id, payee_id, enrollment_id, kind, status, amount_cents, currency,
                                                    description, provider_ref, occurred_at)
                        values (:school, :payee, :enrollment, :kind, :status, :amount, :currency, :description, :ref, :at)
                        on conflict (school_id, kind, provider_ref) where provider_ref is not null do nothing""")
                .param("school", school).param("payee", payee).param("enrollment", enrollment).param("at", now())
                .param("kind", kind).param("status", status).param("amount", cents).param("currency", currency)
                .param("description", description).param("ref", reference).update();
    }

    /** The family's balance: positive owes, negative is owed (a credit); failed and void entries count for nothing. */
    @Transactional(readOnly = true)
    public Money balance(UUID school, UUID payee) {
        return jdbc.sql("""
                        select coalesce(sum(l.amount_cents) filter (where l.status not in ('failed', 'void')), 0) as amount,
                               s.currency
                          from schools s left join ledger_entries l on l.school_id = s.id and l.payee_id = :payee
                         where s.id = :school group by s.currency""")
                .param("school", school).param("payee", payee)
                .query((rs, row) -> Money.of(rs.getLong("amount"), rs.getString("currency"))).single();
    }

    @Transactional(readOnly = true)
    public FamilyAccount account(UUID school, UUID payee) {
        List<LedgerEntry> entries = jdbc.sql(ENTRIES + """
                         where school_id = :school and payee_id = :payee
                         order by occurred_at desc, kind = 'charge', id""")
                .param("school", school).param("payee", payee).query((rs, row) -> entry(school, rs)).list();
        return new FamilyAccount(balance(school, payee), entries);
    }

    /** One entry of the school's ledger. */
    @Transactional(readOnly = true)
    public LedgerEntry entry(UUID school, UUID id) {
        return jdbc.sql(ENTRIES + " where school_id = :school and id = :id").param("school", school).param("id", id)
                .query((rs, row) -> entry(school, rs)).single();
    }

    /** A paid payment links to its receipt. */
    private LedgerEntry entry(UUID school, ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        boolean receipted = rs.getString("kind").equals("payment") && rs.getString("status").equals("paid");
        return new LedgerEntry(id, rs.getTimestamp("occurred_at").toInstant(), rs.getString("kind"),
                Money.of(rs.getLong("amount_cents"), rs.getString("currency")), rs.getString("description"),
                rs.getObject("enrollment_id", UUID.class), rs.getString("status"), rs.getString("method"),
                receipted ? addresses.link(school, "/receipts/" + id) : null);
    }
}
