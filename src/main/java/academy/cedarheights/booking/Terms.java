package academy.cedarheights.booking;

import java.time.LocalDate;
import java.util.UUID;

import academy.cedarheights.booking.EnrollmentNotices.EndedBy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an enrollment is paid through, as billing learns it: a month paid by the provider, a term renewed; and the end
 * of an enrollment whose paid lessons are over and that will not be renewed.
 */
@Service
@Transactional
public class Terms {

    private final JdbcClient jdbc;
    private final Enrollments enrollments;

    Terms(JdbcClient jdbc, Enrollments enrollments) {
        this.jdbc = jdbc;
        this.enrollments = enrollments;
    }

    /** A period of the subscription was paid: its monthly enrollments are paid through its last day (never back). */
    public void monthPaid(UUID school, String subscriptionId, LocalDate through) {
        jdbc.sql("""
                        update enrollments set paid_through = greatest(paid_through, :through), updated_at = now()
                         where school_id = :school and stripe_subscription_id = :subscription and billing_plan = 'monthly'
                           and status = 'active'""")
                .param("school", school).param("subscription", subscriptionId).param("through", through).update();
    }

    /** A renewal was paid: the enrollment's lessons go on to {@code through}. */
    public void renewed(UUID school, UUID enrollmentId, LocalDate through) {
        jdbc.sql("""
                        update enrollments set paid_through = greatest(paid_through, :through), updated_at = now()
                         where school_id = :school and id = :id and status = 'active'""")
                .param("school", school).param("id", enrollmentId).param("through", through).update();
    }

    /** Whether the enrollment still holds its slot (a renewal is made only for one that does). */
    @Transactional(readOnly = true)
    public boolean active(UUID school, UUID enrollmentId) {
        return jdbc.sql("select exists (select 1 from enrollments where school_id = :school and id = :id and status = 'active')")
                .param("school", school).param("id", enrollmentId).query(Boolean.class).single();
    }

    /**
     * Its paid lessons are over and it is not renewed: it ends ({@code ended}) and its slot is free. A family that did
     * not choose it ({@code tellFamily}: its renewal went unpaid) is told why.
     */
    public void ranOut(UUID school, UUID enrollmentId, String reason, boolean tellFamily) {
        if (active(school, enrollmentId)) {
            enrollments.end(school, enrollmentId, EnrollmentStatus.ENDED, tellFamily ? EndedBy.SCHOOL : EndedBy.FAMILY,
                    reason);
        }
    }
}
