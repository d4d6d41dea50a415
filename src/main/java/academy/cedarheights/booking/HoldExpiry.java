package academy.cedarheights.booking;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.booking.EnrollmentNotices.EndedBy;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.tenancy.TenantContext;
import academy.cedarheights.schools.SchoolSweep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Releases holds whose time ran out: the enrollment expires with its reason, the slot is free, and the
 * school's admins hear of it. Rows are claimed with {@code for update skip locked}, so runs on several
 * instances (or twice) expire each hold once.
 */
@Component
class HoldExpiry {

    private final JdbcClient jdbc;
    private final SchoolSweep sweep;
    private final Enrollments enrollments;
    private final Notifications notifications;
    private final EnrollmentNotices notices;

    HoldExpiry(JdbcClient jdbc, SchoolSweep sweep, Enrollments enrollments, Notifications notifications,
               EnrollmentNotices notices) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.sweep = sweep;
        this.enrollments = enrollments;
        this.notifications = notifications;
    }

    record Expired(UUID id, String student, String reason) {
    }

    int expireAll() {
        return sweep.each(school -> warn(school) + expire(school));
    }

    /** How long before its end a family is reminded of a hold still waiting for billing. */
    static final String WARNING = "2 days";

    /**
     * Holds with two days left are announced to their family once ({@code hold_expiring}); a hold shorter than that
     * was announced at booking, when the family was asked for a card, and is not warned again.
     */
    int warn(UUID school) {
        List<UUID> due = jdbc.sql("""
                        update enrollments set expiring_notice_sent_at = now()
                         where school_id = :school and id in (
                               select id from enrollments
                                where school_id = :school and status = 'provisional' and expiring_notice_sent_at is null
                                  and provisional_expires_at > now()
                                  and provisional_expires_at <= now() + cast(:warning as interval)
                                  and provisional_expires_at - created_at > cast(:warning as interval)
                                  for update skip locked)
                        returning id""")
                .param("school", school).param("warning", WARNING).query(UUID.class).list();
        due.forEach(hold -> notices.holdExpiring(school, hold));
        return due.size();
    }

    int expire(UUID school) {
        List<Expired> due = jdbc.sql("""
                        select e.id, st.name as student, coalesce(e.failure_reason, 'billing was not set up in time') as reason
                          from enrollments e join students st on st.school_id = e.school_id and st.id = e.student_id
                         where e.school_id = :school and e.status = 'provisional' and e.provisional_expires_at < now()
                           for update of e skip locked""")
                .param("school", school).query(Expired.class).list();
        for (Expired hold : due) {
            enrollments.end(school, hold.id(), EnrollmentStatus.EXPIRED, EndedBy.SCHOOL, hold.reason());
        }
        if (!due.isEmpty()) {
            alert(school, due);
        }
        return due.size();
    }

    private void alert(UUID school, List<Expired> due) {
        String detail = due.size() + " provisional booking(s) expired and their slots are free again: "
                + String.join("; ", due.stream().map(hold -> hold.student() + " (" + hold.reason() + ")").toList()) + ".";
        notifications.alertAdmins(school, "Provisional bookings expired", detail, "/admin/dashboard");
    }
}
