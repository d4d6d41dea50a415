package academy.cedarheights.booking;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.EmailTemplate;
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

    HoldExpiry(JdbcClient jdbc, SchoolSweep sweep, Enrollments enrollments, Notifications notifications) {
        this.jdbc = jdbc;
        this.sweep = sweep;
        this.enrollments = enrollments;
        this.notifications = notifications;
    }

    record Expired(UUID id, String student, String reason) {
    }

    int expireAll() {
        return sweep.each(this::expire);
    }

    int expire(UUID school) {
        List<Expired> due = jdbc.sql("""
                        select e.id, st.name as student, coalesce(e.failure_reason, 'billing was not set up in time') as reason
                          from enrollments e join students st on st.school_id = e.school_id and st.id = e.student_id
                         where e.school_id = :school and e.status = 'provisional' and e.provisional_expires_at < now()
                           for update of e skip locked""")
                .param("school", school).query(Expired.class).list();
        for (Expired hold : due) {
            enrollments.end(school, hold.id(), EnrollmentStatus.EXPIRED, "the hold expired: " + hold.reason());
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
