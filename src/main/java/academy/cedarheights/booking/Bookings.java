package academy.cedarheights.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

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
    private final EnrollmentNotices notices;

    Bookings(JdbcClient jdbc, Calendars calendars, ApplicationEventPublisher events, Clock clock,
             EnrollmentNotices notices) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param teachesInstrument whether the slot's teacher teaches the child's instrument (null: no such child)
     * @param birthDate         the child's, for the age on the first lesson
     */
    private record Slot(int weekday, String timeZone, int holdDays, long calendarVersion, LocalDate lastMakeUp,
                        LocalDate leftOn, boolean offeredToAnother,
                        UUID payeeId, boolean familyHasCard, int maxHoldsWithoutCard, int minLessonsInTerm,
                        Boolean teachesInstrument, LocalDate birthDate) {
    }

    /** The ages a school teaches, on the first lesson. */
    public static final int YOUNGEST = 4;
    public static final int OLDEST = 18;

    /** How far ahead a booking may start: a slot is not held for a family months before its first lesson. */
    static final int MAX_DAYS_AHEAD = 60;

    /**
     * Holds {@code request.timeslotId()} for the student, provisionally; or, with {@code activate}, actively for
     * billing handled outside Stripe. The caller has checked the student is theirs to book for.
     */
    public BookingAccepted hold(UUID school, BookSlot request, boolean activate) {
        Slot slot = lockSlot(school, request.timeslotId(), request.studentId());
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(slot.timeZone())));
        LocalDate from = request.startDate() != null ? request.startDate() : today;
        if (from.isBefore(today)) {
            throw new InvalidField("start_date", "must not be in the past");
        }
        if (from.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw new InvalidField("start_date", "must be at most " + MAX_DAYS_AHEAD + " days ahead");
        }
        if (slot.offeredToAnother()) {
            throw new SlotOffered();
        }
        LessonCalendar calendar = calendars.of(school, slot.calendarVersion());
        LocalDate first = calendar.firstLesson(slot.weekday(), afterMakeUps(slot, from)).orElseThrow(NoLessonsToBook::new);
        requireFit(slot, first);
        // a term plan covers the term's lessons from the first: the last of them is what it will be paid through
        List<LocalDate> term = calendar.term(request.billingPlan(), slot.weekday(), first, slot.minLessonsInTerm());
        LocalDate paidThrough = term.isEmpty() ? null : term.get(term.size() - 1);
        Instant expires = clock.instant().plus(Duration.ofDays(slot.holdDays()));
        if (!activate && slot.payeeId() != null && !slot.familyHasCard()) {
            requireRoomForAnotherHold(school, slot);
        }
        EnrollmentStatus initial = activate ? EnrollmentStatus.ACTIVE : EnrollmentStatus.PROVISIONAL;
        Enrolled enrolled;
        try {
            enrolled = jdbc.sql("""
                            insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date,
                                                     provisional_expires_at, activated_at, paid_through)
                            values (:school, :student, :slot, :plan, :status, :start, :expires,
                                    case when :status = 'active' then now() end, :paid_through)
                            returning id, tracking_id""")
                    .param("school", school).param("student", request.studentId()).param("slot", request.timeslotId())
                    .param("plan", request.billingPlan().key()).param("status", initial.key())
                    .param("start", first).param("expires", activate ? null : expires.atOffset(ZoneOffset.UTC))
                    .param("paid_through", paidThrough)
                    .query(Enrolled.class).single();
        } catch (DuplicateKeyException e) {
            throw e.getMessage().contains("one_slot_per_student") ? new StudentAlreadyEnrolled() : new SlotAlreadyHeld();
        }
        events.publishEvent(new SlotBooked(school, enrolled.id(), activate));
        if (activate) {
            events.publishEvent(new ActivatedOutsideProvider(school, enrolled.id()));
            notices.activated(school, enrolled.id());
        }
        return new BookingAccepted(enrolled.trackingId(), enrolled.id(), initial,
                activate ? null : expires, first);
    }

    private record Enrolled(UUID id, UUID trackingId) {
    }

    /**
     * Holds several children's slots in one transaction: all of them, or — a slot held, a child not fitting, a family
     * out of holds without a card — none, the refusal naming the booking it came from ({@code bookings[1].timeslot_id}).
     * Slots are taken in the order of their ids, so two families' batches over the same slots queue instead of
     * deadlocking.
     */
    public BatchAccepted holdAll(UUID school, List<BookSlot> requests) {
        requireDistinct(requests);
        BookingAccepted[] accepted = new BookingAccepted[requests.size()];
        List<Integer> inLockOrder = IntStream.range(0, requests.size()).boxed()
                .sorted(Comparator.comparing(i -> requests.get(i).timeslotId())).toList();
        for (int index : inLockOrder) {
            try {
                accepted[index] = hold(school, requests.get(index), false);
            } catch (InvalidField refused) {
                throw new InvalidField("bookings[" + index + "]." + refused.field(), refused.getMessage());
            } catch (ConflictWithCurrentState refused) {
                throw new RefusedInBatch(index, requests.get(index).timeslotId(), refused.getMessage());
            }
        }
        return new BatchAccepted(List.of(accepted));
    }

    private static void requireDistinct(List<BookSlot> requests) {
        Set<UUID> students = new HashSet<>();
        Set<UUID> slots = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            if (!students.add(requests.get(i).studentId())) {
                throw new InvalidField("bookings[" + i + "].student_id", "is already in this batch: one slot per child");
            }
            if (!slots.add(requests.get(i).timeslotId())) {
                throw new InvalidField("bookings[" + i + "].timeslot_id", "is already in this batch: one child per slot");
            }
        }
    }

    /** The slot's teacher teaches the child's instrument, and the child is of an age the school teaches then. */
    private static void requireFit(Slot slot, LocalDate firstLesson) {
        if (Boolean.FALSE.equals(slot.teachesInstrument())) {
            throw new InvalidField("timeslot_id", "must be taught by a teacher of the child's instrument");
        }
        if (slot.birthDate() != null && !ofAge(slot.birthDate(), firstLesson)) {
            throw new InvalidField("student_id", "must be " + YOUNGEST + " to " + OLDEST
                    + " years old on the first lesson (" + firstLesson + ")");
        }
    }

    /** Whether a child born on {@code birthDate} is of an age the school teaches on {@code firstLesson}. */
    public static boolean ofAge(LocalDate birthDate, LocalDate firstLesson) {
        int age = Period.between(birthDate, firstLesson).getYears();
        return age >= YOUNGEST && age <= OLDEST;
    }

    /**
     * A family without a card may hold only the school's {@code max_holds_without_card} slots at once, or a stranger
     * could empty a timetable. The slot's query has locked the family (an advisory lock on its id), so its concurrent
     * bookings queue there and each counts the holds the one before it made.
     */
    private void requireRoomForAnotherHold(UUID school, Slot slot) {
        int holds = jdbc.sql("""
                        select count(*) from enrollments e
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                         where e.school_id = :school and st.payee_id = :payee and e.status = 'provisional'""")
                .param("school", school).param("payee", slot.payeeId()).query(Integer.class).single();
        if (holds >= slot.maxHoldsWithoutCard()) {
            throw new TooManyHolds(slot.maxHoldsWithoutCard());
        }
    }

    /**
     * Locks the student's family (an advisory lock on its id), then the slot's row: concurrent bookings of one slot
     * queue here, then the unique indexes refuse all but the first; every booking takes the family's lock, then the
     * slot's, in this one statement, so two bookings never wait for each other in opposite orders. Make-up bookings
     * share the slot's lock, moves and the waitlist's offers take it, so none of them slips in while this runs.
     *
     * <p>Then it reads, in a second statement, what the booking needs: a statement's subqueries see the database as
     * it was when the statement began, so reading them in the locking statement would miss a make-up or a move that
     * committed while it waited for the lock (and give one lesson twice). It reads the version of the school's
     * calendar, the last make-up lesson booked in the slot from yesterday in UTC on (which covers the school's today
     * wherever it is), the day an enrollment that moved out leaves it, an offer holding it for another family, and the
     * student's family: whether it has a card, and the school's limit of holds without one.
     */
    private Slot lockSlot(UUID school, UUID timeslot, UUID student) {
        jdbc.sql("""
                        select (select count(*) from pg_advisory_xact_lock(
                                    hashtextextended('family-holds:' || st.payee_id, 0))) as family_locked
                          from timeslots s
                          join teachers t on t.school_id = s.school_id and t.id = s.teacher_id and t.active
                          left join students st on st.school_id = s.school_id and st.id = :student
                         where s.school_id = :school and s.id = :id and s.active
                           for update of s""")
                .param("school", school).param("id", timeslot).param("student", student)
                .query(Long.class).optional()
                .orElseThrow(() -> new NoSuchRecord("open timeslot", timeslot));
        return jdbc.sql("""
                        select s.weekday, sc.time_zone, sc.provisional_hold_days as hold_days, sc.calendar_version,
                               (select max(m.lesson_date) from booked_make_up_lessons m
                                 where m.school_id = s.school_id and m.timeslot_id = s.id
                                   and m.lesson_date >= :earliest) as last_make_up,
                               (select max(l.effective_on) from enrollment_moves l
                                 where l.school_id = s.school_id and l.from_timeslot_id = s.id) as left_on,
                               exists (select 1 from waitlist_offers o
                                         join waitlist_entries w on w.school_id = o.school_id and w.id = o.entry_id
                                        where o.school_id = s.school_id and o.timeslot_id = s.id and o.status = 'open'
                                          and o.expires_at > now() and w.student_id is distinct from :student)
                                   as offered_to_another,
                               st.payee_id, coalesce(f.has_payment_method, false) as family_has_card,
                               sc.max_holds_without_card, sc.min_lessons_in_term,
                               case when st.id is not null then exists (
                                   select 1 from teacher_instruments ti where ti.school_id = s.school_id
                                      and ti.teacher_id = s.teacher_id and ti.instrument_id = st.instrument_id)
                               end as teaches_instrument,
                               st.birth_date
                          from timeslots s
                          join schools sc on sc.id = s.school_id
                          left join students st on st.school_id = s.school_id and st.id = :student
                          left join family_payment_methods f on f.school_id = st.school_id and f.payee_id = st.payee_id
                         where s.school_id = :school and s.id = :id""")
                .param("school", school).param("id", timeslot).param("student", student)
                .param("earliest", LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1))
                .query(Slot.class).single();
    }

    /**
     * A make-up lesson already booked in this slot keeps its place: the weekly lessons start after the last one; and
     * an enrollment that moved out of the slot keeps its lessons there until the day it left.
     */
    private static LocalDate afterMakeUps(Slot slot, LocalDate from) {
        LocalDate start = slot.lastMakeUp() != null && !slot.lastMakeUp().isBefore(from) ? slot.lastMakeUp().plusDays(1) : from;
        return slot.leftOn() != null && slot.leftOn().isAfter(start) ? slot.leftOn() : start;
    }
}
