package academy.cedarheights.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.billing.gateway.PaymentGateway;
import academy.cedarheights.booking.CancellationTerms;
import academy.cedarheights.booking.EnrollmentEnded;
import academy.cedarheights.booking.EnrollmentStatus;
import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.jobs.Jobs;
import academy.cedarheights.schools.Calendars;
import academy.cedarheights.schools.Schools;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a cancelled term gives back, by the school's {@code cancellation_refund}: the paid lessons after the day it is
 * cancelled, at the rate they were paid, become a {@code credit} on the family's account (the default, used first by
 * its next charge), are refunded through the gateway ({@code refund}: a credit and the refund that pays it out), or
 * nothing ({@code none}). A monthly plan gives nothing back: its month was paid and its subscription stops. An
 * enrollment that ends takes its open renewals with it.
 */
@Component
class CancellationCredits implements CancellationTerms {

    private final JdbcClient jdbc;
    private final Calendars calendars;
    private final Schools schools;
    private final Ledger ledger;
    private final Jobs jobs;
    private final OneTimeTask<RefundJob> refund;
    private final Clock clock;
    private final PaymentGateway gateway;

    CancellationCredits(JdbcClient jdbc, Calendars calendars, Schools schools, Ledger ledger, Jobs jobs,
                        @Qualifier("refundTask") OneTimeTask<RefundJob> refund, Clock clock, PaymentGateway gateway) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.schools = schools;
        this.ledger = ledger;
        this.jobs = jobs;
        this.refund = refund;
        this.clock = clock;
    }

    /**
     * @param lessons the paid lessons after today
     * @param rate    what each was paid (the enrollment's paid charges, less their sibling discounts, over their lessons)
     * @param invoice the provider's invoice of its latest paid charge, to refund against
     */
    record Unused(UUID payeeId, int lessons, Money rate, String invoice, String policy) {

        Money amount() {
            return Money.of(lessons * rate.amount(), rate.currency());
        }
    }

    private record Paid(UUID payeeId, String billingPlan, LocalDate startDate, LocalDate paidThrough, int weekday,
                        Long amountCents, Long lessons, String currency, String invoice) {
    }

    Optional<Unused> unused(UUID school, UUID enrollment) {
        Paid paid = jdbc.sql("""
                        select st.payee_id, e.billing_plan, e.start_date, e.paid_through, t.weekday,
                               sum(l.amount_cents + coalesce((select sum(a.amount_cents) from ledger_entries a
                                                               where a.school_id = l.school_id and a.kind = 'adjustment'
                                                                 and a.provider_ref = l.provider_ref), 0)) as amount_cents,
                               sum(l.lessons) as lessons, max(l.currency) as currency,
                               (array_agg(l.provider_ref order by l.occurred_at desc))[1] as invoice
                          from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          left join ledger_entries l on l.school_id = e.school_id and l.enrollment_id = e.id
                                and l.kind = 'charge' and l.status = 'paid' and l.lessons > 0
                         where e.school_id = :school and e.id = :id
                         group by st.payee_id, e.billing_plan, e.start_date, e.paid_through, t.weekday""")
                .param("school", school).param("id", enrollment).query(Paid.class).optional().orElse(null);
        if (paid == null || paid.billingPlan().equals("monthly") || paid.lessons() == null || paid.lessons() == 0) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(schools.branding(school).timeZone())));
        LocalDate from = paid.startDate().isAfter(today) ? paid.startDate() : today.plusDays(1);
        int lessons = from.isAfter(paid.paidThrough()) ? 0
                : calendars.of(school).lessonDates(paid.weekday(), from, paid.paidThrough()).size();
        Money rate = Money.of(paid.amountCents() / paid.lessons(), paid.currency());
        String policy = schools.yearRules(school).cancellationRefund();
        return lessons == 0 || policy.equals("none") ? Optional.empty()
                : Optional.of(new Unused(paid.payeeId(), lessons, rate, paid.invoice(), policy));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> onCancelling(UUID school, UUID enrollmentId) {
        return unused(school, enrollmentId).map(unused -> String.format(Locale.CANADA,
                "The %d lesson%s paid for after today (%s) %s.", unused.lessons(), unused.lessons() == 1 ? "" : "s",
                unused.amount().shown(), unused.policy().equals("refund")
                        ? "will be refunded to the payment method they were paid with"
                        : "become a credit on your account, used first by your next charge"));
    }

    @EventListener
    void on(EnrollmentEnded ended) {
        UUID school = ended.schoolId();
        jdbc.sql("""
                        update renewals set state = 'ended', updated_at = now()
                         where school_id = :school and enrollment_id = :id and state in ('notice_sent', 'opted_out', 'failed')""")
                .param("school", school).param("id", ended.enrollmentId()).update();
        if (ended.status() != EnrollmentStatus.CANCELLED) {
            return;
        }
        unused(school, ended.enrollmentId()).ifPresent(unused -> {
            String reference = "cancelled-" + ended.enrollmentId();
            ledger.credited(school, unused.payeeId(), ended.enrollmentId(), unused.amount(),
                    "Credit for " + unused.lessons() + " unused lesson" + (unused.lessons() == 1 ? "" : "s")
                            + " of a cancelled enrollment", reference);
            if (unused.policy().equals("refund") && unused.invoice() != null) {
                jobs.schedule(refund, reference, new RefundJob(school, ended.enrollmentId(), unused.payeeId(),
                        unused.invoice(), unused.amount().amount(), unused.amount().currency()));
            }
        });
    }

    /** The job: the provider refunds, then the refund pays the credit out in the ledger. */
    void refund(RefundJob job) {
        String reference = "cancelled-" + job.enrollmentId();
        Money amount = Money.of(job.amountCents(), job.currency());
        String refundId = gatewayRefund(job, amount, reference);
        ledger.refunded(job.schoolId(), job.payeeId(), job.enrollmentId(), amount, "Refund of the unused lessons",
                refundId);
    }

    private String gatewayRefund(RefundJob job, Money amount, String reference) {
        return gateway.refund(job.invoice(), amount, "refund-" + reference);
    }
}
