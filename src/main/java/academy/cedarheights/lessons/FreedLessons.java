package academy.cedarheights.lessons;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.schools.SchoolAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A weekly lesson freed on its day — its pupil's absence reported ahead, or the school cancelling it for that pupil — is
 * a one-off lesson the make-up search offers; the families holding a credit it can take (their child's instrument is
 * its teacher's, the credit is valid that day) hear of it, each family at most once a day, so a busy week does not
 * flood them. The first to book it has it ({@link MakeUpBookings}).
 */
@Component
class FreedLessons {

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final SchoolAddresses addresses;
    private final Clock clock;

    FreedLessons(JdbcClient jdbc, Notifications notifications, SchoolAddresses addresses, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.addresses = addresses;
        this.clock = clock;
    }

    private record Freed(UUID teacherId, String teacher, LocalTime startTime, String timeZone, UUID payeeId) {
    }

    private record Holder(UUID payeeId, String parentName, String email, String student) {
    }

    /** The enrollment's lesson of {@code day} is free for a make-up; returns how many families were told. */
    int freed(UUID school, UUID enrollment, LocalDate day) {
        Freed lesson = jdbc.sql("""
                        select t.teacher_id, te.name as teacher, t.start_time, s.time_zone, st.payee_id
                          from enrollments e
                          join timeslots t on t.school_id = e.school_id
                               and t.id = lesson_slot(e.school_id, e.id, e.timeslot_id, :day)
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                          join schools s on s.id = e.school_id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                         where e.school_id = :school and e.id = :enrollment""")
                .param("school", school).param("enrollment", enrollment).param("day", day).query(Freed.class).single();
        ZoneId zone = ZoneId.of(lesson.timeZone());
        if (!day.atTime(lesson.startTime()).atZone(zone).toInstant().isAfter(clock.instant())) {
            return 0;
        }
        List<Holder> holders = jdbc.sql("""
                        select distinct on (p.id) p.id as payee_id, p.name as parent_name, p.email::text as email,
                               st.name as student
                          from makeup_credits c
                          join semesters m on m.school_id = c.school_id and m.id = c.semester_id
                          join students st on st.school_id = c.school_id and st.id = c.student_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                         where c.school_id = :school and c.status = 'available' and c.expires_on >= :day
                           and :day between m.start_date and m.end_date and p.id <> :absent
                           and exists (select 1 from teacher_instruments ti where ti.school_id = c.school_id
                                          and ti.teacher_id = :teacher and ti.instrument_id = st.instrument_id)
                         order by p.id, st.name""")
                .param("school", school).param("day", day).param("absent", lesson.payeeId())
                .param("teacher", lesson.teacherId()).query(Holder.class).list();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int told = 0;
        for (Holder holder : holders) {
            if (firstToday(school, holder.payeeId(), today)) {
                notifications.email(school, holder.email(), new Email.MakeUpOffer(holder.parentName(), holder.student(),
                        lesson.teacher(), day, lesson.startTime(), addresses.link(school, "/parent/makeups")));
                told++;
            }
        }
        return told;
    }

    /** Claims today's one make-up offer email for the family; false when it had one already. */
    private boolean firstToday(UUID school, UUID payee, LocalDate today) {
        return jdbc.sql("""
                        insert into make_up_offer_notices (school_id, payee_id, sent_on) values (:school, :payee, :today)
                        on conflict do nothing""")
                .param("school", school).param("payee", payee).param("today", today).update() == 1;
    }
}
