package academy.cedarheights.lessons;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.NoSuchRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking a make-up: a credit takes a free one-off lesson, that is an active slot nobody holds weekly, of a teacher
 * of the student's instrument, on its weekday inside the credit's semester, not closed, not yet started and not
 * taken by another make-up. The partial unique index {@code makeup_credits_one_booking_per_lesson} lets one credit
 * have each such lesson; the loser of a race gets 409.
 */
@Service
@Transactional
public class MakeUpBookings {

    static final int LONGEST_SEARCH_DAYS = 92;

    /**
     * Free lessons between :from and :to for :student's instrument, in the semesters of :semesters: slots nobody holds
     * weekly, and lessons freed on their day — a pupil's absence reported ahead, or the school cancelling a pupil's
     * lesson — for anyone but that pupil.
     */
    private static final String FREE_LESSONS = """
            select t.id as timeslot_id, d.day as date, t.start_time, t.end_time, te.id as teacher_id, te.name as teacher_name
              from generate_series(cast(:from as date), cast(:to as date), interval '1 day') as g(at)
             cross join lateral (select cast(g.at as date) as day) d
              join semesters m on m.school_id = :school and d.day between m.start_date and m.end_date
              join timeslots t on t.school_id = :school and t.active and t.weekday = extract(isodow from d.day)
              join teachers te on te.school_id = t.school_id and te.id = t.teacher_id and te.active
              join teacher_instruments ti on ti.school_id = te.school_id and ti.teacher_id = te.id
              join students st on st.school_id = :school and st.id = :student and st.instrument_id = ti.instrument_id
              join schools s on s.id = :school
             where m.id = any (cast(:semesters as uuid[]))
               and (d.day + t.start_time) at time zone s.time_zone > now()
               and not exists (select 1 from current_enrollments e where e.school_id = t.school_id and e.timeslot_id = t.id
                                  and (e.student_id = :student
                                       or not exists (select 1 from attendance a where a.school_id = e.school_id
                                                     and a.enrollment_id = e.id and a.lesson_date = d.day
                                                     and (a.status = 'cancelled_by_school'
                                                          or (a.status = 'absent' and a.reported_at is not null)))))
               and not exists (select 1 from slots_left_later l where l.school_id = t.school_id and l.timeslot_id = t.id
                                  and l.effective_on > d.day)
               and is_lesson_day(t.school_id, t.weekday, d.day)
               and not exists (select 1 from makeup_credits b where b.school_id = t.school_id and b.booked_timeslot_id = t.id
                                  and b.booked_date = d.day and b.status in ('booked', 'used'))
               and (cast(:timeslot as uuid) is null or t.id = :timeslot)
             order by d.day, t.start_time, te.name""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final MakeUpCredits credits;
    private final Clock clock;

    MakeUpBookings(JdbcClient jdbc, AuditTrail audit, Notifications notifications, MakeUpCredits credits, Clock clock) {
        this.clock = clock;
        this.credits = credits;
        this.jdbc = jdbc;
        this.audit = audit;
        this.notifications = notifications;
    }

    private record Credit(UUID id, UUID studentId, UUID semesterId, String status) {
    }

    /** Free lessons a student's available credits can take between two dates. */
    @Transactional(readOnly = true)
    public List<MakeUpSlot> freeLessons(UUID school, UUID student, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidField("to", "must not be before from");
        }
        if (to.isAfter(from.plusDays(LONGEST_SEARCH_DAYS))) {
            throw new InvalidField("to", "must be at most " + LONGEST_SEARCH_DAYS + " days after from");
        }
        List<UUID> semesters = jdbc.sql("""
                        select distinct semester_id from makeup_credits
                         where school_id = :school and student_id = :student and status = 'available'""")
                .param("school", school).param("student", student).query(UUID.class).list();
        return free(school, student, semesters, from, to, null);
    }

    /** Books the lesson for the family's credit; 409 when the credit is spent or the lesson was just taken. */
    public MakeUpCredit book(UUID school, UUID payee, String actor, UUID creditId, UUID timeslot, LocalDate day) {
        Credit credit = jdbc.sql("""
                        select c.id, c.student_id, c.semester_id, c.status
                          from makeup_credits c join students st on st.school_id = c.school_id and st.id = c.student_id
                         where c.school_id = :school and c.id = :credit and st.payee_id = :payee and c.status <> 'revoked'
                           for update of c""")
                .param("school", school).param("credit", creditId).param("payee", payee).query(Credit.class).optional()
                .orElseThrow(() -> new NoSuchRecord("make-up credit", creditId));
        if (!credit.status().equals("available")) {
            throw new ConflictWithCurrentState("This make-up credit is " + credit.status() + ", not available.");
        }
        // shares the lock a weekly booking takes, so the slot cannot be booked weekly while this make-up goes in
        jdbc.sql("select id from timeslots where school_id = :school and id = :slot for share")
                .param("school", school).param("slot", timeslot).query(UUID.class).optional()
                .orElseThrow(() -> new InvalidField("timeslot_id", "is not a timeslot of this school"));
        if (free(school, credit.studentId(), List.of(credit.semesterId()), day, day, timeslot).isEmpty()) {
            throw takenOrNotOffered(school, timeslot, day);
        }
        try {
            jdbc.sql("""
                            update makeup_credits set status = 'booked', booked_timeslot_id = :slot, booked_date = :day,
                                   updated_at = now()
                             where school_id = :school and id = :credit""")
                    .param("school", school).param("credit", creditId).param("slot", timeslot).param("day", day).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictWithCurrentState("That make-up lesson was just taken; please choose another.");
        }
        audit.record(school, actor, "makeup_credit.booked", "makeup_credit", creditId.toString(),
                Map.of("timeslot_id", timeslot.toString(), "date", day.toString()));
        confirm(school, creditId);
        return credits.get(school, creditId);
    }

    /** How long before a make-up lesson the family may still cancel it and have its credit back. */
    static final Duration CANCEL_AHEAD = Duration.ofHours(24);

    private record Booking(String status, LocalDate bookedDate, LocalTime startTime, String timeZone) {
    }

    /**
     * The family cancels a make-up lesson it booked, at least 24 hours before it starts: the credit is available again
     * and the lesson free for others. Later, or once marked, 409.
     */
    public MakeUpCredit cancel(UUID school, UUID payee, String actor, UUID creditId) {
        Booking booking = jdbc.sql("""
                        select c.status, c.booked_date, t.start_time, s.time_zone
                          from makeup_credits c
                          join students st on st.school_id = c.school_id and st.id = c.student_id
                          join schools s on s.id = c.school_id
                          left join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
                         where c.school_id = :school and c.id = :credit and st.payee_id = :payee and c.status <> 'revoked'
                           for update of c""")
                .param("school", school).param("credit", creditId).param("payee", payee).query(Booking.class).optional()
                .orElseThrow(() -> new NoSuchRecord("make-up credit", creditId));
        if (!booking.status().equals("booked")) {
            throw new ConflictWithCurrentState("Only a booked make-up lesson can be cancelled; this credit is "
                    + booking.status() + ".");
        }
        Instant starts = booking.bookedDate().atTime(booking.startTime()).atZone(ZoneId.of(booking.timeZone())).toInstant();
        if (!clock.instant().plus(CANCEL_AHEAD).isBefore(starts)) {
            throw new ConflictWithCurrentState("A make-up lesson can be cancelled up to 24 hours before it starts; "
                    + "this one is too close. Please contact the school.");
        }
        jdbc.sql("""
                        update makeup_credits set status = 'available', booked_timeslot_id = null, booked_date = null,
                               updated_at = now()
                         where school_id = :school and id = :credit""")
                .param("school", school).param("credit", creditId).update();
        audit.record(school, actor, "makeup_credit.cancelled", "makeup_credit", creditId.toString(),
                Map.of("date", booking.bookedDate().toString()));
        return credits.get(school, creditId);
    }

    private List<MakeUpSlot> free(UUID school, UUID student, List<UUID> semesters, LocalDate from, LocalDate to,
                                  UUID timeslot) {
        if (semesters.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(FREE_LESSONS)
                .param("school", school).param("student", student).param("semesters", semesters.toArray(UUID[]::new))
                .param("from", from).param("to", to).param("timeslot", timeslot).query(MakeUpSlot.class).list();
    }

    /** Taken — by another make-up, or by a weekly booking that came first — is a 409; anything else was never free. */
    private RuntimeException takenOrNotOffered(UUID school, UUID timeslot, LocalDate day) {
        Boolean taken = jdbc.sql("""
                        select exists (select 1 from makeup_credits where school_id = :school and booked_timeslot_id = :slot
                                          and booked_date = :day and status in ('booked', 'used'))
                            or exists (select 1 from current_enrollments where school_id = :school and timeslot_id = :slot)""")
                .param("school", school).param("slot", timeslot).param("day", day).query(Boolean.class).single();
        return taken ? new ConflictWithCurrentState("That make-up lesson was just taken; please choose another.")
                : new InvalidField("date", "is not a free make-up lesson of that timeslot for this credit");
    }

    private void confirm(UUID school, UUID credit) {
        Booked booked = jdbc.sql("""
                        select c.booked_date, p.name as parent_name, p.email::text as email, st.name as student,
                               te.name as teacher, t.start_time
                          from makeup_credits c
                          join students st on st.school_id = c.school_id and st.id = c.student_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                          join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                         where c.school_id = :school and c.id = :credit""")
                .param("school", school).param("credit", credit).query(Booked.class).single();
        FamilyOfLesson family = booked.family();
        notifications.email(school, family.email(), family.makeUpBooked(booked.bookedDate()));
    }

    private record Booked(LocalDate bookedDate, String parentName, String email, String student, String teacher,
                          LocalTime startTime) {
        FamilyOfLesson family() {
            return new FamilyOfLesson(parentName, email, student, teacher, startTime);
        }
    }
}
