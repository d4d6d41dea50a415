package academy.cedarheights.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.schools.Calendars;
import academy.cedarheights.schools.LessonCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving an enrollment to another weekly slot. The enrollment stays one row — its billing, paid lessons and renewals
 * go on unchanged — and takes the new slot; the slot it leaves is remembered with the day it is left, so the lessons
 * before that day (their attendance and make-ups) stay where they were given, and nobody is booked into it before then.
 * Both slots' rows are locked in one fixed order, so two moves between the same slots queue instead of deadlocking,
 * and a booking of either slot (which locks it too) waits for the move.
 */
@Service
@Transactional
public class Moves {

    private final JdbcClient jdbc;
    private final Calendars calendars;
    private final EnrollmentNotices notices;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Moves(JdbcClient jdbc, Calendars calendars, EnrollmentNotices notices, AuditTrail audit,
          ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.notices = notices;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    private record Current(UUID id, UUID trackingId, UUID timeslotId, String status, LocalDate startDate,
                           UUID instrumentId, String timeZone, LocalDate lastMove) {
    }

    private record Slot(UUID id, UUID teacherId, int weekday, LocalTime startTime, LocalTime endTime, boolean open,
                        boolean teachesInstrument, LocalDate lastMakeUp, LocalDate leftOn, boolean offered) {

        long minutes() {
            return Duration.between(startTime, endTime).toMinutes();
        }
    }

    /**
     * Where the enrollment can move: open slots, free, taught by a teacher of its child's instrument, of its lesson's
     * length — by weekday and time.
     */
    @Transactional(readOnly = true)
    public List<OpenSlot> destinations(UUID school, UUID enrollmentId) {
        return jdbc.sql("""
                        select s.id, s.teacher_id, te.name as teacher_name, s.weekday, s.start_time, s.end_time,
                               s.active, true as available
                          from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join timeslots cur on cur.school_id = e.school_id and cur.id = e.timeslot_id
                          join timeslots s on s.school_id = e.school_id and s.active and s.id <> e.timeslot_id
                               and s.end_time - s.start_time = cur.end_time - cur.start_time
                          join teachers te on te.school_id = s.school_id and te.id = s.teacher_id and te.active
                         where e.school_id = :school and e.id = :enrollment
                           and exists (select 1 from teacher_instruments ti where ti.school_id = s.school_id
                                          and ti.teacher_id = s.teacher_id and ti.instrument_id = st.instrument_id)
                           and not exists (select 1 from held_timeslots h where h.school_id = s.school_id
                                              and h.timeslot_id = s.id)
                         order by s.weekday, s.start_time, te.name""")
                .param("school", school).param("enrollment", enrollmentId).query(OpenSlot.class).list();
    }

    /** The family moves one of its bookings; another family's tracking id answers 404. */
    public Moved moveForFamily(UUID school, UUID payee, String actor, UUID trackingId, UUID toSlot, LocalDate fromDate) {
        UUID enrollment = jdbc.sql("""
                        select e.id from enrollments e join students st on st.school_id = e.school_id and st.id = e.student_id
                         where e.school_id = :school and e.tracking_id = :tracking and st.payee_id = :payee""")
                .param("school", school).param("tracking", trackingId).param("payee", payee).query(UUID.class)
                .optional().orElseThrow(() -> new NoSuchRecord("booking", trackingId));
        return move(school, actor, enrollment, toSlot, fromDate);
    }

    /**
     * Moves the enrollment to {@code toSlot} from {@code fromDate} (null: its next lesson): lessons before that day stay
     * in the slot it leaves; its lessons in the new slot start on the first lesson day from then.
     */
    public Moved move(UUID school, String actor, UUID enrollmentId, UUID toSlot, LocalDate fromDate) {
        if (toSlot == null) {
            throw new InvalidField("timeslot_id", "is required");
        }
        Current unlocked = current(school, enrollmentId, false);
        List<Slot> locked = lockSlots(school, unlocked.timeslotId(), toSlot, unlocked.instrumentId());
        Current current = current(school, enrollmentId, true);
        Slot from = locked.stream().filter(slot -> slot.id().equals(current.timeslotId())).findFirst()
                .orElseThrow(() -> new ConflictWithCurrentState("This booking moved meanwhile; try again."));
        Slot to = locked.stream().filter(slot -> slot.id().equals(toSlot)).findFirst()
                .orElseThrow(() -> new InvalidField("timeslot_id", "must be an open slot of this school"));
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(current.timeZone())));
        requireMovable(current, from, to, today);
        LessonCalendar calendar = calendars.of(school);
        LocalDate leaving = fromDate != null ? fromDate : nextLesson(calendar, from.weekday(), current, today);
        if (leaving.isBefore(today)) {
            throw new InvalidField("from_date", "must not be in the past");
        }
        if (leaving.isAfter(today.plusDays(Bookings.MAX_DAYS_AHEAD))) {
            throw new InvalidField("from_date", "must be at most " + Bookings.MAX_DAYS_AHEAD + " days ahead");
        }
        boolean started = leaving.isAfter(current.startDate());
        LocalDate first = calendar.firstLesson(to.weekday(), startAfter(to, started ? leaving : current.startDate()))
                .orElseThrow(NoLessonsToBook::new);
        EnrollmentNotices.Facts before = notices.facts(school, enrollmentId);
        if (started) {
            jdbc.sql("""
                            insert into enrollment_moves (school_id, enrollment_id, from_timeslot_id, to_timeslot_id,
                                                          effective_on, moved_by)
                            values (:school, :enrollment, :from, :to, :on, :actor)""")
                    .param("school", school).param("enrollment", enrollmentId).param("from", from.id())
                    .param("to", to.id()).param("on", leaving).param("actor", actor).update();
        }
        try {
            jdbc.sql("""
                            update enrollments set timeslot_id = :to, updated_at = now(),
                                   start_date = case when :started then start_date else :first end
                             where school_id = :school and id = :id""")
                    .param("school", school).param("id", enrollmentId).param("to", to.id()).param("started", started)
                    .param("first", first).update();
        } catch (DuplicateKeyException e) {
            throw new SlotAlreadyHeld();
        }
        Moved moved = new Moved(current.trackingId(), enrollmentId, to.id(), from.id(), leaving, first,
                EnrollmentStatus.of(current.status()).orElseThrow());
        audit.record(school, actor, "enrollment.moved", "enrollment", enrollmentId.toString(),
                Map.of("from_timeslot_id", from.id(), "to_timeslot_id", to.id(), "from_date", leaving,
                        "first_lesson_date", first));
        events.publishEvent(new EnrollmentMoved(school, enrollmentId, from.id(), to.id(), leaving));
        notices.moved(school, before, enrollmentId, first);
        return moved;
    }

    private static void requireMovable(Current current, Slot from, Slot to, LocalDate today) {
        if (!current.status().equals("provisional") && !current.status().equals("active")) {
            throw new ConflictWithCurrentState("Only a booking that holds its slot can move; this one is "
                    + current.status() + ".");
        }
        if (from.id().equals(to.id())) {
            throw new InvalidField("timeslot_id", "is the slot this booking already holds");
        }
        if (!to.open()) {
            throw new InvalidField("timeslot_id", "must be an open slot of this school");
        }
        if (!to.teachesInstrument()) {
            throw new InvalidField("timeslot_id", "must be taught by a teacher of the child's instrument");
        }
        if (to.minutes() != from.minutes()) {
            // every slot of a school has one price per plan today; a lesson of another length would need its own
            throw new ConflictWithCurrentState("A " + to.minutes() + "-minute slot is priced differently from this "
                    + from.minutes() + "-minute one; cancel and book it instead.");
        }
        if (to.offered()) {
            throw new SlotOffered();
        }
        if (current.lastMove() != null && current.lastMove().isAfter(today)) {
            throw new ConflictWithCurrentState("This booking already moves on " + current.lastMove()
                    + "; it can move again from then.");
        }
    }

    /** Where a move starts unless told otherwise: the enrollment's next lesson (today, when it has none left). */
    @Transactional(readOnly = true)
    public LocalDate nextLesson(UUID school, UUID enrollmentId) {
        Current current = current(school, enrollmentId, false);
        int weekday = jdbc.sql("select weekday from timeslots where school_id = :school and id = :id")
                .param("school", school).param("id", current.timeslotId()).query(Integer.class).single();
        return nextLesson(calendars.of(school), weekday, current,
                LocalDate.now(clock.withZone(ZoneId.of(current.timeZone()))));
    }

    private static LocalDate nextLesson(LessonCalendar calendar, int weekday, Current current, LocalDate today) {
        return calendar.firstLesson(weekday, today.isAfter(current.startDate()) ? today : current.startDate())
                .orElse(today);
    }

    /** Lessons in the new slot begin after its make-ups and after the lessons it still gives an enrollment leaving it. */
    private static LocalDate startAfter(Slot to, LocalDate from) {
        LocalDate start = from;
        if (to.lastMakeUp() != null && !to.lastMakeUp().isBefore(start)) {
            start = to.lastMakeUp().plusDays(1);
        }
        if (to.leftOn() != null && to.leftOn().isAfter(start)) {
            start = to.leftOn();
        }
        return start;
    }

    private Current current(UUID school, UUID enrollmentId, boolean lock) {
        return jdbc.sql("""
                        select e.id, e.tracking_id, e.timeslot_id, e.status, e.start_date, st.instrument_id,
                               s.time_zone,
                               (select max(m.effective_on) from enrollment_moves m where m.school_id = e.school_id
                                   and m.enrollment_id = e.id) as last_move
                          from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                          join schools s on s.id = e.school_id
                         where e.school_id = :school and e.id = :id""" + (lock ? " for update of e" : ""))
                .param("school", school).param("id", enrollmentId).query(Current.class).optional()
                .orElseThrow(() -> new NoSuchRecord("enrollment", enrollmentId));
    }

    /**
     * Both slots, locked in the order of their ids: whoever moves between them, nobody waits in a circle. What the move
     * needs of them is read after the lock, in a statement of its own, so a make-up, a move or an offer committed while
     * this waited is seen.
     */
    private List<Slot> lockSlots(UUID school, UUID a, UUID b, UUID instrument) {
        jdbc.sql("select s.id from timeslots s where s.school_id = :school and s.id in (:a, :b) order by s.id for update")
                .param("school", school).param("a", a).param("b", b).query(UUID.class).list();
        return jdbc.sql("""
                        select s.id, s.teacher_id, s.weekday, s.start_time, s.end_time, s.active and t.active as open,
                               exists (select 1 from teacher_instruments ti where ti.school_id = s.school_id
                                          and ti.teacher_id = s.teacher_id and ti.instrument_id = :instrument)
                                   as teaches_instrument,
                               (select max(m.lesson_date) from booked_make_up_lessons m
                                 where m.school_id = s.school_id and m.timeslot_id = s.id
                                   and m.lesson_date >= :earliest) as last_make_up,
                               (select max(l.effective_on) from slots_left_later l
                                 where l.school_id = s.school_id and l.timeslot_id = s.id) as left_on,
                               exists (select 1 from waitlist_offers o where o.school_id = s.school_id
                                          and o.timeslot_id = s.id and o.status = 'open' and o.expires_at > now())
                                   as offered
                          from timeslots s join teachers t on t.school_id = s.school_id and t.id = s.teacher_id
                         where s.school_id = :school and s.id in (:a, :b)""")
                .param("school", school).param("a", a).param("b", b).param("instrument", instrument)
                .param("earliest", LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1))
                .query(Slot.class).list();
    }
}
