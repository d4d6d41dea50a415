package academy.cedarheights.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
 * Holding weekly slots. Booking locks the slot's row, refuses a held slot or an already enrolled student,
 * and inserts a provisional enrollment that expires after the school's hold; the partial unique indexes
 * settle any race the lock does not. Billing starts from the {@link SlotBooked} event, in the same
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

    private record Slot(int weekday, String timeZone, int holdDays) {
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
        LocalDate first = calendars.of(school).firstLesson(slot.weekday(), afterMakeUps(school, request.timeslotId(), from))
                .orElseThrow(NoLessonsToBook::new);
        refuseIfHeld(school, request);
        Instant expires = clock.instant().plus(Duration.ofDays(slot.holdDays()));
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
                    .param("start", first).param("expires", activate ? null : expires.atOffset(java.time.ZoneOffset.UTC))
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

    /** Locks the slot's row: concurrent bookings of one slot queue here, then see each other's hold. */
    private Slot lockSlot(UUID school, UUID timeslot) {
        return jdbc.sql("""
                        select s.weekday, sc.time_zone, sc.provisional_hold_days as hold_days
                          from timeslots s
                          join teachers t on t.school_id = s.school_id and t.id = s.teacher_id and t.active
                          join schools sc on sc.id = s.school_id
                         where s.school_id = :school and s.id = :id and s.active
                           for update of s""")
                .param("school", school).param("id", timeslot).query(Slot.class).optional()
                .orElseThrow(() -> new NoSuchRecord("open timeslot", timeslot));
    }

    /**
     * A one-off make-up lesson already booked in this slot keeps its place: the weekly lessons start after the last
     * one. (Make-up bookings take a share lock on the slot's row, so they cannot slip in while this runs.)
     */
    private LocalDate afterMakeUps(UUID school, UUID timeslot, LocalDate from) {
        return jdbc.sql("""
                        select max(booked_date) from makeup_credits
                         where school_id = :school and booked_timeslot_id = :slot and status in ('booked', 'used')
                           and booked_date >= :from""")
                .param("school", school).param("slot", timeslot).param("from", from).query(LocalDate.class).optional()
                .map(lastMakeUp -> lastMakeUp.plusDays(1)).orElse(from);
    }

    private void refuseIfHeld(UUID school, BookSlot request) {
        List<String> holders = jdbc.sql("""
                        select case when timeslot_id = :slot then 'slot' else 'student' end from enrollments
                         where school_id = :school and status in ('provisional', 'active')
                           and (timeslot_id = :slot or student_id = :student)""")
                .param("school", school).param("slot", request.timeslotId()).param("student", request.studentId())
                .query(String.class).list();
        if (holders.contains("slot")) {
            throw new SlotAlreadyHeld();
        }
        if (holders.contains("student")) {
            throw new StudentAlreadyEnrolled();
        }
    }
}
