package academy.cedarheights.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.booking.Terms;
import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.jobs.Jobs;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.schools.SchoolSweep;
import academy.cedarheights.schools.Schools;
import academy.cedarheights.schools.YearRules;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Terms that renew. Each term enrollment gets a renewal before its paid lessons run out ({@link RenewalNotices}), which
 * the family may answer with "not continuing" until its charge day. On {@code charge_on} the renewal is charged
 * ({@link RenewalCharges}, a job per renewal); a decline keeps the slot {@code renewal_grace_days}, then the enrollment
 * ends; an opted-out one ends after its last paid lesson. The daily sweep does all three, school by school.
 */
@Service
@Transactional
public class Renewals {

    private final JdbcClient jdbc;
    private final Schools schools;
    private final Terms terms;
    private final Jobs jobs;
    private final OneTimeTask<RenewalChargeJob> charge;
    private final SchoolSweep sweep;
    private final Clock clock;
    private final RenewalNotices notices;
    private final Ledger ledger;
    private final OneTimeTask<VoidInvoiceJob> voidInvoice;

    Renewals(JdbcClient jdbc, Schools schools, RenewalNotices notices, Terms terms, Jobs jobs,
             @Qualifier("chargeRenewalTask") OneTimeTask<RenewalChargeJob> charge, SchoolSweep sweep,
             Clock clock, Ledger ledger, @Qualifier("voidInvoiceTask") OneTimeTask<VoidInvoiceJob> voidInvoice) {
        this.ledger = ledger;
        this.voidInvoice = voidInvoice;
        this.jdbc = jdbc;
        this.schools = schools;
        this.notices = notices;
        this.terms = terms;
        this.jobs = jobs;
        this.charge = charge;
        this.sweep = sweep;
        this.clock = clock;
    }

    /** A renewal as the school lists it. */
    public record Listed(UUID id, UUID enrollmentId, String student, String timeslot, UUID semesterId, String state,
                         Money amount, int lessons, LocalDate chargeOn, LocalDate termStart, LocalDate termEnd) {
    }

    /** A renewal as the family's booking shows it. */
    public record Pending(UUID semesterId, String state, Money amount, LocalDate chargeOn) {
    }

    int sweepAll() {
        return sweep.each(this::sweep);
    }

    /** One school's day: announce what renews soon, charge what is due, end what lapsed. */
    public int sweep(UUID school) {
        LocalDate today = LocalDate.now(clock.withZone(zone(school)));
        YearRules rules = schools.yearRules(school);
        return notices.announce(school, today, rules) + scheduleDue(school, today) + endLapsed(school, today, rules);
    }

    /** Each renewal due today gets its charge job, keyed by the renewal: a second sweep adds nothing. */
    private int scheduleDue(UUID school, LocalDate today) {
        List<UUID> due = jdbc.sql("""
                        select id from renewals where school_id = :school and state = 'notice_sent' and charge_on <= :today
                           and provider_invoice_id is null""")
                .param("school", school).param("today", today).query(UUID.class).list();
        due.forEach(renewal -> chargeLater(school, renewal));
        return due.size();
    }

    void chargeLater(UUID school, UUID renewal) {
        jobs.schedule(charge, renewal.toString(), new RenewalChargeJob(school, renewal));
    }

    private record Lapsed(UUID id, UUID enrollmentId, String state, String invoice) {
    }

    /**
     * A declined renewal still unpaid after the grace days, and an opted-out one whose last paid lesson is past:
     * the enrollment ends, its slot is free, and the renewal says so.
     */
    private int endLapsed(UUID school, LocalDate today, YearRules rules) {
        List<Lapsed> lapsed = jdbc.sql("""
                        select r.id, r.enrollment_id, r.state, r.provider_invoice_id as invoice
                          from renewals r
                          join enrollments e on e.school_id = r.school_id and e.id = r.enrollment_id
                         where r.school_id = :school
                           and (r.state = 'failed' and r.failed_at < cast(:now as timestamptz) - make_interval(days => :grace)
                                or r.state = 'opted_out' and e.paid_through < :today)
                           for update of r skip locked""")
                .param("school", school).param("today", today).param("grace", rules.renewalGraceDays())
                .param("now", Timestamp.from(clock.instant())).query(Lapsed.class).list();
        for (Lapsed renewal : lapsed) {
            boolean unpaid = renewal.state().equals("failed");
            String reason = unpaid ? "the renewal was not paid within " + rules.renewalGraceDays() + " days"
                    : "the family did not renew";
            // a family that opted out knows; one whose renewal went unpaid is told its slot is gone
            terms.ranOut(school, renewal.enrollmentId(), reason, unpaid);
            if (unpaid && renewal.invoice() != null) {
                // the declined renewal's invoice is voided, so that no card added later pays for a term that is gone
                ledger.voided(school, renewal.invoice());
                jobs.schedule(voidInvoice, renewal.invoice(), new VoidInvoiceJob(school, renewal.invoice()));
            }
            jdbc.sql("update renewals set state = 'ended', updated_at = now() where school_id = :school and id = :id")
                    .param("school", school).param("id", renewal.id()).update();
        }
        return lapsed.size();
    }

    /**
     * The family's answer, until {@code charge_on}: not continuing ({@code renew=false}) or continuing after all.
     *
     * @throws NoSuchRecord when the booking is not theirs or has no renewal to answer
     */
    public Pending answer(UUID school, UUID payee, UUID trackingId, boolean renew) {
        LocalDate today = LocalDate.now(clock.withZone(zone(school)));
        UUID renewal = openRenewalOf(school, payee, trackingId);
        int changed = jdbc.sql("""
                        update renewals set state = :to, updated_at = now()
                         where school_id = :school and id = :id and state in ('notice_sent', 'opted_out')
                           and charge_on > :today""")
                .param("school", school).param("id", renewal).param("today", today)
                .param("to", renew ? "notice_sent" : "opted_out").update();
        if (changed == 0) {
            throw new ConflictWithCurrentState("This renewal can no longer be changed: it was due on its charge day.");
        }
        return pendingOf(school, payee, trackingId).orElseThrow();
    }

    private UUID openRenewalOf(UUID school, UUID payee, UUID trackingId) {
        return jdbc.sql("""
                        select r.id from renewals r
                          join enrollments e on e.school_id = r.school_id and e.id = r.enrollment_id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                         where r.school_id = :school and e.tracking_id = :tracking and st.payee_id = :payee
                         order by r.term_start desc limit 1""")
                .param("school", school).param("tracking", trackingId).param("payee", payee).query(UUID.class)
                .optional().orElseThrow(() -> new NoSuchRecord("renewal of booking", trackingId));
    }

    /** The latest renewal of one of the family's bookings, if it has one; another family's is not found. */
    @Transactional(readOnly = true)
    public Optional<Pending> pendingOf(UUID school, UUID payee, UUID trackingId) {
        return jdbc.sql("""
                        select r.semester_id, r.state, renewal_due(r.amount_cents, r.discount_percent) as amount_cents,
                               r.currency, r.charge_on from renewals r
                          join enrollments e on e.school_id = r.school_id and e.id = r.enrollment_id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                         where r.school_id = :school and e.tracking_id = :tracking and st.payee_id = :payee
                         order by r.term_start desc limit 1""")
                .param("school", school).param("tracking", trackingId).param("payee", payee)
                .query((rs, row) -> new Pending(rs.getObject("semester_id", UUID.class), rs.getString("state"),
                        Money.of(rs.getLong("amount_cents"), rs.getString("currency")),
                        rs.getObject("charge_on", LocalDate.class))).optional();
    }

    @Transactional(readOnly = true)
    public Page<Listed> list(UUID school, UUID semesterId, PageQuery query) {
        String where = " where r.school_id = :school and (cast(:semester as uuid) is null or r.semester_id = :semester)";
        List<Listed> items = jdbc.sql("""
                        select r.id, r.enrollment_id, st.name as student,
                               te.name || ', ' || to_char(date '2024-01-01' + (t.weekday - 1), 'FMDay') || ' '
                                   || to_char(t.start_time, 'HH24:MI') as timeslot,
                               r.semester_id, r.state, renewal_due(r.amount_cents, r.discount_percent) as amount_cents,
                               r.currency, r.lessons, r.charge_on,
                               r.term_start, r.term_end
                          from renewals r
                          join enrollments e on e.school_id = r.school_id and e.id = r.enrollment_id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id""" + where
                        + " order by r.charge_on, st.name, r.id limit :limit offset :offset")
                .param("school", school).param("semester", semesterId)
                .param("limit", query.pageSize()).param("offset", query.offset())
                .query((rs, row) -> new Listed(rs.getObject("id", UUID.class), rs.getObject("enrollment_id", UUID.class),
                        rs.getString("student"), rs.getString("timeslot"), rs.getObject("semester_id", UUID.class),
                        rs.getString("state"), Money.of(rs.getLong("amount_cents"), rs.getString("currency")),
                        rs.getInt("lessons"), rs.getObject("charge_on", LocalDate.class),
                        rs.getObject("term_start", LocalDate.class), rs.getObject("term_end", LocalDate.class)))
                .list();
        long total = jdbc.sql("select count(*) from renewals r" + where).param("school", school)
                .param("semester", semesterId).query(Long.class).single();
        return query.page(items, total);
    }

    /** Its invoice was paid (its charge, a retry on a new card, or the provider's event): the lessons go on. */
    public void paid(UUID school, UUID renewalId) {
        jdbc.sql("""
                        update renewals set state = 'charged', failure_reason = null, updated_at = now()
                         where school_id = :school and id = :id and state in ('notice_sent', 'failed')
                        returning enrollment_id, term_end""")
                .param("school", school).param("id", renewalId)
                .query((rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)})
                .optional().ifPresent(paid -> terms.renewed(school, (UUID) paid[0], (LocalDate) paid[1]));
    }

    /**
     * The card refused it, or its debit failed: the family keeps the slot for the grace days while it is told. (A
     * renewal already paid, or the first term's charge, which has no renewal, is left alone.)
     */
    void declined(UUID school, UUID renewalId, String reason) {
        declined(school, renewalId, reason, null);
    }

    /** @param invoice the provider's invoice left open by the decline, when its event names it */
    void declined(UUID school, UUID renewalId, String reason, String invoice) {
        jdbc.sql("""
                        update renewals set state = 'failed', failed_at = coalesce(failed_at, cast(:now as timestamptz)),
                               failure_reason = coalesce(failure_reason, :reason),
                               provider_invoice_id = coalesce(provider_invoice_id, :invoice), updated_at = now()
                         where school_id = :school and id = :id and state in ('notice_sent', 'failed')""")
                .param("school", school).param("id", renewalId).param("reason", reason).param("invoice", invoice)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** A family with a new payment method has its declined renewals charged again, on it. */
    void retryDeclined(UUID school, UUID payee) {
        jdbc.sql("""
                        select r.id from renewals r
                          join enrollments e on e.school_id = r.school_id and e.id = r.enrollment_id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                         where r.school_id = :school and st.payee_id = :payee and r.state = 'failed'""")
                .param("school", school).param("payee", payee).query(UUID.class).list()
                .forEach(renewal -> chargeLater(school, renewal));
    }

    private ZoneId zone(UUID school) {
        return ZoneId.of(schools.branding(school).timeZone());
    }
}
