package academy.cedarheights.booking;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.booking.EnrollmentNotices.EndedBy;
import academy.cedarheights.platform.privacy.ErasedFamily;
import academy.cedarheights.platform.privacy.PersonalData;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased family's bookings end as a cancellation by the family would (its slots free, its subscriptions stopped,
 * what its terms give back credited), its children leave the waitlist (a slot offered to them passes on), and the
 * reasons and movers written on its bookings keep only the pseudonyms. The bookings stay: the ledger explains them.
 */
@Component
@Order(PersonalData.BOOKINGS)
class BookingErasure implements PersonalData {

    static final String REASON = "the family asked to be erased";
    private final JdbcClient jdbc;
    private final Enrollments enrollments;
    private final Waitlist waitlist;

    BookingErasure(JdbcClient jdbc, Enrollments enrollments, Waitlist waitlist) {
        this.jdbc = jdbc;
        this.enrollments = enrollments;
        this.waitlist = waitlist;
    }

    @Override
    public void erase(ErasedFamily family) {
        UUID school = family.school();
        List<UUID> holding = family.bind(jdbc.sql("""
                        select id from enrollments
                         where school_id = :school and student_id = any(:children) and status in ('provisional', 'active')"""))
                .query(UUID.class).list();
        holding.forEach(id -> enrollments.end(school, id, EnrollmentStatus.CANCELLED, EndedBy.ERASURE, REASON));
        family.bind(jdbc.sql("""
                        select id from waitlist_entries
                         where school_id = :school and student_id = any(:children) and status in ('waiting', 'offered')"""))
                .query(UUID.class).list()
                .forEach(entry -> waitlist.withdraw(school, family.payee(), family.pseudonym(), entry));

        family.bind(jdbc.sql("update enrollments set failure_reason = " + ErasedFamily.erased("failure_reason")
                + ", cancel_reason = " + ErasedFamily.erased("cancel_reason")
                + " where school_id = :school and student_id = any(:children)"
                + " and (" + ErasedFamily.mentions("failure_reason") + " or " + ErasedFamily.mentions("cancel_reason") + ")"))
                .update();
        family.bind(jdbc.sql("update enrollment_moves set moved_by = " + ErasedFamily.erased("moved_by")
                + " where school_id = :school and " + ErasedFamily.mentions("moved_by"))).update();
    }
}
