package academy.cedarheights.booking;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.schools.SchoolAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who hears of a change to an enrollment, and what they read: the one place that decides it. The family hears of what
 * it did not do itself (the school, its rules or its payment provider ended its lessons; a hold is about to run out, or
 * ran out); the teacher of a pupil who starts, leaves or moves; the school of a family that cancels. Every email is
 * queued in the change's transaction, so it goes out exactly when the change commits.
 */
@Component
class EnrollmentNotices {

    /** Who ended an enrollment. */
    enum EndedBy {
        /** The family cancelled, or chose not to renew: the school hears of it. */
        FAMILY,
        /** The school, its rules (a term not renewed, a payment grace run out) or its payment provider: the family hears. */
        SCHOOL,
        /**
         * The family asked to be erased: it is told nothing more (its address is gone) and the school knows already;
         * only a teacher who was teaching the pupil hears the slot is free.
         */
        ERASURE
    }

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final SchoolAddresses addresses;

    EnrollmentNotices(JdbcClient jdbc, Notifications notifications, SchoolAddresses addresses) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.addresses = addresses;
    }

    /** An enrollment, in the words of its emails. */
    record Facts(UUID trackingId, String parentName, String email, String student, String instrument, String teacher,
                 String teacherEmail, int weekday, LocalTime startTime, String room, LocalDate startDate,
                 Instant expiresAt) {

        DayOfWeek day() {
            return DayOfWeek.of(weekday);
        }
    }

    Facts facts(UUID school, UUID enrollment) {
        return jdbc.sql("""
                        select e.tracking_id, p.name as parent_name, p.email::text as email, st.name as student,
                               i.name as instrument, te.name as teacher, te.email::text as teacher_email, t.weekday,
                               t.start_time, r.name as room, e.start_date, e.provisional_expires_at as expires_at
                          from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join instruments i on i.school_id = st.school_id and i.id = st.instrument_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          left join rooms r on r.school_id = t.school_id and r.id = t.room_id
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                         where e.school_id = :school and e.id = :id""")
                .param("school", school).param("id", enrollment).query(Facts.class).single();
    }

    /**
     * An enrollment ended ({@code now}) that was {@code was}: its teacher hears if it was an active pupil's; the family
     * hears why unless it chose it; the school hears of a family's cancel.
     */
    void ended(UUID school, UUID enrollment, EnrollmentStatus was, EnrollmentStatus now, EndedBy by, String reason) {
        Facts facts = facts(school, enrollment);
        if (was == EnrollmentStatus.ACTIVE) {
            notifications.email(school, facts.teacherEmail(), new Email.StudentLeft(facts.teacher(), facts.student(),
                    facts.day(), facts.startTime(), addresses.link(school, "/teacher")));
        }
        if (by == EndedBy.ERASURE) {
            return;
        }
        if (now == EnrollmentStatus.EXPIRED) {
            notifications.email(school, facts.email(), new Email.HoldExpired(facts.parentName(), facts.student(),
                    facts.teacher(), facts.day(), facts.startTime(), reason, addresses.link(school, "/")));
        } else if (by == EndedBy.SCHOOL) {
            notifications.email(school, facts.email(), new Email.BookingCancelled(facts.parentName(), facts.student(),
                    facts.teacher(), facts.day(), facts.startTime(), reason, addresses.link(school, "/parent")));
        } else if (now == EnrollmentStatus.CANCELLED) {
            notifications.alertAdmins(school, facts.student() + "'s family cancelled their lessons",
                    facts.parentName() + " cancelled " + facts.student() + "'s weekly lessons with " + facts.teacher()
                            + " (" + weekdays(facts) + "). The slot is free again.", "/admin/enrollments");
        }
    }

    /** A pupil's lessons are booked and paid for: the teacher hears of the new student. */
    void activated(UUID school, UUID enrollment) {
        Facts facts = facts(school, enrollment);
        notifications.email(school, facts.teacherEmail(), new Email.NewStudent(facts.teacher(), facts.student(),
                facts.instrument(), facts.day(), facts.startTime(), facts.startDate(), facts.room(),
                addresses.link(school, "/teacher")));
    }

    /** Two days before a hold runs out, the family is asked once more to add a card. */
    void holdExpiring(UUID school, UUID enrollment) {
        Facts facts = facts(school, enrollment);
        notifications.email(school, facts.email(), new Email.HoldExpiring(facts.parentName(), facts.student(),
                facts.teacher(), facts.day(), facts.startTime(), facts.expiresAt(),
                addresses.link(school, "/parent/payment-method")));
    }

    /** The family and both teachers (once, when it is the same) hear of a move, each with a link to their own page. */
    void moved(UUID school, Facts from, UUID enrollment, LocalDate firstLesson) {
        Facts to = facts(school, enrollment);
        URI portal = addresses.link(school, "/parent");
        URI lessons = addresses.link(school, "/teacher");
        notifications.email(school, to.email(), moved(to.parentName(), from, to, firstLesson, portal));
        notifications.email(school, from.teacherEmail(), moved(from.teacher(), from, to, firstLesson, lessons));
        if (!to.teacherEmail().equalsIgnoreCase(from.teacherEmail())) {
            notifications.email(school, to.teacherEmail(), moved(to.teacher(), from, to, firstLesson, lessons));
        }
    }

    private static Email moved(String recipient, Facts from, Facts to, LocalDate firstLesson, URI link) {
        return new Email.BookingMoved(recipient, to.student(), from.teacher(), from.day(), from.startTime(), to.teacher(),
                to.day(), to.startTime(), firstLesson, link);
    }

    private static String weekdays(Facts facts) {
        String day = facts.day().toString();
        return day.charAt(0) + day.substring(1).toLowerCase() + "s at " + facts.startTime();
    }
}
