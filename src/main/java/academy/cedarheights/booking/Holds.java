package academy.cedarheights.booking;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The billing side of a hold: what is to be billed, and the outcomes billing records on it. Every change
 * applies only while the enrollment is still provisional, so a hold cancelled or expired meanwhile is
 * never activated.
 */
@Service
@Transactional
public class Holds {

    private final JdbcClient jdbc;
    private final EnrollmentNotices notices;

    Holds(JdbcClient jdbc, EnrollmentNotices notices) {
        this.jdbc = jdbc;
        this.notices = notices;
    }

    /** The enrollment while it waits for billing; empty once it is anything but provisional. */
    @Transactional(readOnly = true)
    public Optional<Billable> waiting(UUID school, UUID enrollmentId) {
        return jdbc.sql("""
                        select e.id as enrollment_id, st.id as student_id, st.name as student, p.id as payee_id,
                               p.name as parent_name, p.email as parent_email, e.billing_plan, e.start_date,
                               t.weekday, t.start_time,
                               te.name as teacher, e.provisional_expires_at, e.provisional_notice_sent_at, e.paid_through
                          from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                         where e.school_id = :school and e.id = :id and e.status = 'provisional'""")
                .param("school", school).param("id", enrollmentId).query(Billable.class).optional();
    }

    /** The family's holds waiting for a card, to resume once one is added. */
    @Transactional(readOnly = true)
    public List<UUID> waitingForFamily(UUID school, UUID payeeId) {
        return jdbc.sql("""
                        select e.id from enrollments e join students st on st.school_id = e.school_id and st.id = e.student_id
                         where e.school_id = :school and st.payee_id = :payee and e.status = 'provisional'""")
                .param("school", school).param("payee", payeeId).query(UUID.class).list();
    }

    /** Records that the notice asking for a card went out; true only the first time. */
    public boolean noticeSent(UUID school, UUID enrollmentId, String reason) {
        return jdbc.sql("""
                        update enrollments set provisional_notice_sent_at = now(), failure_reason = :reason, updated_at = now()
                         where school_id = :school and id = :id and status = 'provisional'
                           and provisional_notice_sent_at is null""")
                .param("school", school).param("id", enrollmentId).param("reason", reason).update() == 1;
    }

    /**
     * Billing is in place: the hold becomes an active enrollment, its lessons starting no earlier than {@code from}
     * (lessons that passed while it waited were neither given nor charged). A monthly one is paid through the end of
     * that month (its first invoice runs to the 1st of the next). Its teacher hears of the new student.
     */
    public boolean activate(UUID school, UUID enrollmentId, String subscriptionId, String invoiceId, LocalDate from) {
        boolean activated = jdbc.sql("""
                        update enrollments set status = 'active', activated_at = now(), failure_reason = null,
                               stripe_subscription_id = :subscription, stripe_invoice_id = :invoice, updated_at = now(),
                               start_date = greatest(start_date, :from),
                               paid_through = case when billing_plan = 'monthly'
                                   then (date_trunc('month', greatest(start_date, :from)) + interval '1 month - 1 day')::date
                                   else paid_through end
                         where school_id = :school and id = :id and status = 'provisional'""")
                .param("school", school).param("id", enrollmentId).param("subscription", subscriptionId)
                .param("invoice", invoiceId).param("from", from).update() == 1;
        if (activated) {
            notices.activated(school, enrollmentId);
        }
        return activated;
    }

    /** A terminal billing failure: the hold stays, with the reason shown to the family and the school. */
    public void failed(UUID school, UUID enrollmentId, String reason) {
        jdbc.sql("""
                        update enrollments set failure_reason = :reason, updated_at = now()
                         where school_id = :school and id = :id and status = 'provisional'""")
                .param("school", school).param("id", enrollmentId).param("reason", reason).update();
    }
}
