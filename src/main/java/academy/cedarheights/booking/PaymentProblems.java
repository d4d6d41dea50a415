package academy.cedarheights.booking;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.schools.SchoolSweep;
import academy.cedarheights.booking.EnrollmentNotices.EndedBy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An active enrollment whose payment failed: marked as such (the family's portal, the school's lists and dashboard
 * show it) while the provider retries and the family replaces its card; cleared when a payment goes through; ended —
 * slot freed, family and school told — when the provider gives up ({@code unpaid}, or cancelled for non-payment) or
 * after the school's {@code payment_grace_days}. Billing reports the provider's events here; the rule is booking's.
 */
@Service
@Transactional
public class PaymentProblems {

    private final JdbcClient jdbc;
    private final Enrollments enrollments;
    private final Notifications notifications;
    private final EnrollmentNotices notices;
    private final SchoolSweep sweep;

    PaymentProblems(JdbcClient jdbc, Enrollments enrollments, Notifications notifications, EnrollmentNotices notices,
                    SchoolSweep sweep) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.enrollments = enrollments;
        this.notifications = notifications;
        this.sweep = sweep;
    }

    /**
     * A payment failed — of the subscription, or of the invoice (a term paid by bank debit fails days after it was
     * made): the active enrollments it pays for show the problem from now.
     */
    public void failed(UUID school, String subscriptionOrInvoice, String reason) {
        jdbc.sql("""
                        update enrollments set payment_problem_since = coalesce(payment_problem_since, now()),
                               payment_problem = :reason, payment_processing_since = null, updated_at = now()
                         where school_id = :school and status = 'active'
                           and (stripe_subscription_id = :paid_by or stripe_invoice_id = :paid_by)""")
                .param("school", school).param("paid_by", subscriptionOrInvoice).param("reason", reason).update();
    }

    /**
     * The payment of the subscription's first invoice, or of the invoice, is processing (a bank debit, for days): its
     * active enrollments say so meanwhile.
     */
    public void processing(UUID school, String subscriptionOrInvoice) {
        jdbc.sql("""
                        update enrollments set payment_processing_since = coalesce(payment_processing_since, now()),
                               updated_at = now()
                         where school_id = :school and status = 'active'
                           and (stripe_subscription_id = :paid_by or stripe_invoice_id = :paid_by)""")
                .param("school", school).param("paid_by", subscriptionOrInvoice).update();
    }

    /** A payment of the subscription or the invoice went through: whatever was wrong or pending is made good. */
    public void resolved(UUID school, String subscriptionOrInvoice) {
        jdbc.sql("""
                        update enrollments set payment_problem_since = null, payment_problem = null,
                               payment_processing_since = null, updated_at = now()
                         where school_id = :school
                           and (payment_problem_since is not null or payment_processing_since is not null)
                           and (stripe_subscription_id = :paid_by or stripe_invoice_id = :paid_by)""")
                .param("school", school).param("paid_by", subscriptionOrInvoice).update();
    }

    /** The provider gave up on the subscription's payments: its enrollments end now, and everyone is told. */
    public void providerGaveUp(UUID school, String subscriptionId) {
        enrollments.heldBy(school, subscriptionId).forEach(id -> end(school, id, "the payments for them did not go through"));
    }

    int endOverdueAll() {
        return sweep.each(this::endOverdue);
    }

    /** Enrollments whose payment problem is older than the school's grace period end; claimed once across instances. */
    int endOverdue(UUID school) {
        List<Overdue> due = jdbc.sql("""
                        select e.id, s.payment_grace_days as grace_days
                          from enrollments e join schools s on s.id = e.school_id
                         where e.school_id = :school and e.status = 'active' and e.payment_problem_since is not null
                           and e.payment_problem_since < now() - make_interval(days => s.payment_grace_days)
                           for update of e skip locked""")
                .param("school", school).query(Overdue.class).list();
        due.forEach(overdue -> end(school, overdue.id(),
                "its payments have not gone through for " + overdue.graceDays() + " days"));
        return due.size();
    }

    private record Overdue(UUID id, int graceDays) {
    }

    private void end(UUID school, UUID enrollment, String reason) {
        EnrollmentNotices.Facts ended = notices.facts(school, enrollment);
        enrollments.end(school, enrollment, EnrollmentStatus.CANCELLED, EndedBy.SCHOOL, reason);
        notifications.alertAdmins(school, "An enrollment ended unpaid", ended.student() + "'s lessons with "
                + ended.teacher() + " ended: " + reason + ". The slot is free again.", "/admin/enrollments");
    }
}
