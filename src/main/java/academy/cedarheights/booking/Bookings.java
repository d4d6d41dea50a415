package academy.cedarheights.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.schools.Calendars;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holding weekly slots. Booking locks the slot's row and inserts a provisional enrollment that expires after
 * the school's hold; the partial unique indexes refuse a held slot or an already enrolled student (a 409 either
 * way) without a read of their own. Billing starts from the {@link SlotBooked} event, in the same
 * transaction.
 */
@Service
@Transactional
public class Bookings {

    private final JdbcClient jdbc;
    private final Calendars calendars;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Bookings(JdbcClient jdbc, Calendars calendars, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.events = events;
        this.clock = clock;
    }

    private record Slot(int weekday, String timeZone, int holdDays, long calendarVersion, LocalDate lastMakeUp) {
    }

    /**
     * Holds {@code request.timeslotId()} for the student, provisionally; or, with {@code activate}, actively for
     * billing handled outside Stripe. The caller has checked the student is theirs to book for.
     */
    public BookingAccepted hold(UUID school, BookSlot request, boolean activate) {
        Slot slot = lockSlot(school, request.timeslotId());
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(slot.timeZone())));
        LocalDate from = request.startDate() != null ? request.startDate() : today;
        if (from.isBefore(today)) {
            throw new InvalidField("start_date", "must not be in the past");
        }
        LocalDate first = calendars.of(school, slot.calendarVersion()).firstLesson(slot.weekday(), afterMakeUps(slot, from))
                .orElseThrow(NoLessonsToBook::new);
        Instant expires = clock.instant().plus(Duration.ofDays(slot.holdDays()));
        if (!activate) {
            requireRoomForAnotherHold(school, request.studentId());
        }
        Enrolled enrolled;
        try {
            enrolled = jdbc.sql("""
                            insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date,
                                                     provisional_expires_at, activated_at)
                            values (:school, :student, :slot, :plan, :status, :start, :expires,
                                    case when :status = 'active' then now() end)
                            returning id, tracking_id""")
                    .param("school", school).param("student", request.studentId()).param("slot", request.timeslotId())
                    .param("plan", request.billingPlan()).param("status", activate ? "active" : "provisional")
                    .param("start", first).param("expires", activate ? null : expires.atOffset(ZoneOffset.UTC))
                    .query(Enrolled.class).single();
        } catch (DuplicateKeyException e) {
            throw e.getMessage().contains("one_slot_per_student") ? new StudentAlreadyEnrolled() : new SlotAlreadyHeld();
        }
        events.publishEvent(new SlotBooked(school, enrolled.id(), activate));
        return new BookingAccepted(enrolled.trackingId(), enrolled.id(), activate ? "active" : "provisional",
                activate ? null : expires, first);
    }

    private record Enrolled(UUID id, UUID trackingId) {
    }

    private record Family(UUID payeeId, boolean hasCard, int maxHoldsWithoutCard) {
    }

    /**
     * A family without a card may hold only the school's {@code max_holds_without_card} slots at once, or a stranger
     * could empty a timetable. The family is locked (an advisory lock on its id, after the slot's row lock, so always
     * in the same order) before its holds are counted: concurrent bookings of one family queue here.
     */
    private void requireRoomForAnotherHold(UUID school, UUID student) {
        Family family = jdbc.sql("""
                        select p.id as payee_id, p.default_payment_method_id is not null as has_card,
                               sc.max_holds_without_card
                          from students st
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                          join schools sc on sc.id = st.school_id
                         where st.school_id = :school and st.id = :student""")
                .param("school", school).param("student", student).query(Family.class).optional().orElse(null);
        if (family == null || family.hasCard()) {
            return;
        }
        jdbc.sql("select true from pg_advisory_xact_lock(hashtextextended('family-holds:' || :payee, 0))")
                .param("payee", family.payeeId().toString()).query(Boolean.class).single();
        int holds = jdbc.sql("""
                        select count(*) from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                         where e.school_id = :school and st.payee_id = :payee and e.status = 'provisional'""")
                .param("school", school).param("payee", family.payeeId()).query(Integer.class).single();
        if (holds >= family.maxHoldsWithoutCard()) {
            throw new TooManyHolds(family.maxHoldsWithoutCard());
        }
    }

    /**
     * Locks the slot's row: concurrent bookings of one slot queue here, then the unique indexes refuse all but the
     * first. The same query reads the version of the school's calendar, and finds the last make-up lesson booked
     * in the slot from yesterday in UTC on, which covers the school's today wherever it is. (Make-up bookings take a share lock on the slot's row, so none
     * can slip in while this runs.)
     */
    private Slot lockSlot(UUID school, UUID timeslot) {
        return jdbc.sql("""
                        select s.weekday, sc.time_zone, sc.provisional_hold_days as hold_days, sc.calendar_version,
                               (select max(m.booked_date) from makeup_credits m
                                 where m.school_id = s.school_id and m.booked_timeslot_id = s.id
                                   and m.status in ('booked', 'used') and m.booked_date >= :earliest) as last_make_up
                          from timeslots s
                          join teachers t on t.school_id = s.school_id and t.id = s.teacher_id and t.active
                          join schools sc on sc.id = s.school_id
                         where s.school_id = :school and s.id = :id and s.active
                           for update of s""")
                .param("school", school).param("id", timeslot)
                .param("earliest", LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1))
                .query(Slot.class).optional()
                .orElseThrow(() -> new NoSuchRecord("open timeslot", timeslot));
    }

    /** A make-up lesson already booked in this slot keeps its place: the weekly lessons start after the last one. */
    private static LocalDate afterMakeUps(Slot slot, LocalDate from) {
        return slot.lastMakeUp() != null && !slot.lastMakeUp().isBefore(from) ? slot.lastMakeUp().plusDays(1) : from;
    }
}
