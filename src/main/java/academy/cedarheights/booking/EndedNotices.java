package academy.cedarheights.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.schools.SchoolAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The one {@code booking_cancelled} email: a family told which weekly lessons ended, and why. */
@Component
class EndedNotices {

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final SchoolAddresses addresses;

    EndedNotices(JdbcClient jdbc, Notifications notifications, SchoolAddresses addresses) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.addresses = addresses;
    }

    /** Whose lessons ended: the family to tell, and the lessons in its words. */
    record Ended(String parentName, String email, String student, String teacher, int weekday, LocalTime startTime) {
    }

    Ended tell(UUID school, UUID enrollment, String reason) {
        Ended ended = jdbc.sql("""
                        select p.name as parent_name, p.email::text as email, st.name as student, te.name as teacher,
                               t.weekday, t.start_time
                          from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                         where e.school_id = :school and e.id = :id""")
                .param("school", school).param("id", enrollment).query(Ended.class).single();
        notifications.email(school, ended.email(), new Email.BookingCancelled(ended.parentName(), ended.student(),
                ended.teacher(), DayOfWeek.of(ended.weekday()), ended.startTime(), reason,
                addresses.link(school, "/parent")));
        return ended;
    }
}
