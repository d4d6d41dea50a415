package academy.cedarheights.booking;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import academy.cedarheights.notifications.Email;
import academy.cedarheights.notifications.Notifications;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.schools.BillingPlan;
import academy.cedarheights.schools.Calendars;
import academy.cedarheights.schools.LessonCalendar;
import academy.cedarheights.schools.SchoolAddresses;
import academy.cedarheights.schools.SchoolSweep;
import academy.cedarheights.schools.TimeslotOpened;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The waitlist's offers. When a weekly slot is free — its enrollment ended or moved away, an offer of it was declined
 * or ran out, the school opened or changed it — the first family in line whose wish it fits is offered it: the slot is held for
 * them for the school's {@code waitlist_offer_hours} (nobody else can book it, the public sees it taken) and they are
 * told by email, and by text when they accept texts. Accepted, it is a booking like any other; declined or run out, it
 * passes to the next family; with nobody left, the slot is open to all. Every change of a slot's holder locks the slot's
 * row first and the database allows one open offer per slot and per family's wish, so racing frees, accepts and
 * bookings have one winner. Every offer and its outcome is in the audit log.
 */
@Service
@Transactional
public class Offers {

    static final String SYSTEM = "waitlist";

    private final JdbcClient jdbc;
    private final Bookings bookings;
    private final Calendars calendars;
    private final Notifications notifications;
    private final SchoolAddresses addresses;
    private final AuditTrail audit;
    private final SchoolSweep sweep;
    private final Clock clock;

    Offers(JdbcClient jdbc, Bookings bookings, Calendars calendars, Notifications notifications,
           SchoolAddresses addresses, AuditTrail audit, SchoolSweep sweep, Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.calendars = calendars;
        this.notifications = notifications;
        this.addresses = addresses;
        this.audit = audit;
        this.sweep = sweep;
        this.clock = clock;
    }

    private static final String VIEW = """
            select o.id, o.timeslot_id, w.student_id, st.name as student_name, te.name as teacher_name, s.weekday,
                   s.start_time, cast(null as date) as first_lesson, o.status, o.expires_at
              from waitlist_offers o
              join waitlist_entries w on w.school_id = o.school_id and w.id = o.entry_id
              join students st on st.school_id = w.school_id and st.id = w.student_id
              join timeslots s on s.school_id = o.school_id and s.id = o.timeslot_id
              join teachers te on te.school_id = s.school_id and te.id = s.teacher_id
            """;

    @EventListener
    void on(EnrollmentEnded ended) {
        offer(ended.schoolId(), slotOf(ended.schoolId(), ended.enrollmentId()));
    }

    @EventListener
    void on(EnrollmentMoved moved) {
        offer(moved.schoolId(), moved.fromTimeslotId());
    }

    @EventListener
    void on(TimeslotOpened opened) {
        offer(opened.schoolId(), opened.timeslotId());
    }

    /** The family's open offers. */
    @Transactional(readOnly = true)
    public List<OfferView> ofFamily(UUID school, UUID payee) {
        return jdbc.sql(VIEW + """
                         where o.school_id = :school and st.payee_id = :payee and o.status = 'open' and o.expires_at > now()
                         order by o.expires_at""")
                .param("school", school).param("payee", payee).query(OfferView.class).list().stream()
                .map(withFirstLesson(school)).toList();
    }

    /** One of the family's offers, whatever became of it; another family's answers 404. */
    @Transactional(readOnly = true)
    public OfferView get(UUID school, UUID payee, UUID offerId) {
        return jdbc.sql(VIEW + " where o.school_id = :school and st.payee_id = :payee and o.id = :id")
                .param("school", school).param("payee", payee).param("id", offerId).query(OfferView.class).optional()
                .map(withFirstLesson(school))
                .orElseThrow(() -> new NoSuchRecord("offer", offerId));
    }

    /** An offer as its answers need it: locked, with its child. */
    private record Held(UUID id, UUID entryId, UUID timeslotId, UUID studentId, String status, Instant expiresAt) {
    }

    private static final String HELD = """
            select o.id, o.entry_id, o.timeslot_id, w.student_id, o.status, o.expires_at
              from waitlist_offers o join waitlist_entries w on w.school_id = o.school_id and w.id = o.entry_id
            """;

    /** The family takes the slot: a booking like any other (202), held while billing is set up. */
    public BookingAccepted accept(UUID school, UUID payee, String actor, UUID offerId, BillingPlan plan) {
        Held offer = lockOpen(school, payee, offerId);
        BookingAccepted accepted = bookings.hold(school, new BookSlot(offer.studentId(), offer.timeslotId(), plan, null),
                false);
        jdbc.sql("""
                        update waitlist_offers set status = 'accepted', answered_at = now(), enrollment_id = :enrollment
                         where school_id = :school and id = :id""")
                .param("school", school).param("id", offerId).param("enrollment", accepted.enrollmentId()).update();
        entry(school, offer.entryId(), "booked");
        audit.record(school, actor, "waitlist.accepted", "waitlist_offer", offerId.toString(),
                Map.of("timeslot_id", offer.timeslotId(), "enrollment_id", accepted.enrollmentId()));
        return accepted;
    }

    /** The family does not want the slot: it stays in line for others, and the slot passes to the next family. */
    public void decline(UUID school, UUID payee, String actor, UUID offerId) {
        Held offer = lockOpen(school, payee, offerId);
        close(school, offer, "declined", actor);
    }

    /** Offers that ran out pass on; claimed with {@code skip locked}, so an accept in progress wins. */
    int expire(UUID school) {
        List<Held> due = jdbc.sql(HELD + """
                         where o.school_id = :school and o.status = 'open' and o.expires_at <= now()
                           for update of o skip locked""")
                .param("school", school).query(Held.class).list();
        due.forEach(offer -> close(school, offer, "expired", SYSTEM));
        return due.size();
    }

    /** The entry's open offer, if any, is withdrawn with it and passes on. */
    void withdrawn(UUID school, UUID entryId, String actor) {
        jdbc.sql(HELD + " where o.school_id = :school and o.entry_id = :entry and o.status = 'open' for update of o")
                .param("school", school).param("entry", entryId).query(Held.class).optional()
                .ifPresent(offer -> close(school, offer, "withdrawn", actor));
    }

    /** Every free slot someone waits for is offered: new slots, and any the events missed. */
    int offerFreeSlots(UUID school) {
        List<UUID> wanted = jdbc.sql("""
                        select distinct s.id from timeslots s
                          join waitlist_entries w on w.school_id = s.school_id and w.status = 'waiting'
                         where s.school_id = :school and s.active
                           and not exists (select 1 from held_timeslots h where h.school_id = s.school_id and h.timeslot_id = s.id)""")
                .param("school", school).query(UUID.class).list();
        return (int) wanted.stream().filter(slot -> offer(school, slot)).count();
    }

    int sweepAll() {
        return sweep.each(school -> expire(school) + offerFreeSlots(school));
    }

    private void close(UUID school, Held offer, String outcome, String actor) {
        jdbc.sql("update waitlist_offers set status = :outcome, answered_at = now() where school_id = :school and id = :id")
                .param("school", school).param("id", offer.id()).param("outcome", outcome).update();
        entry(school, offer.entryId(), outcome.equals("withdrawn") ? "withdrawn" : "waiting");
        audit.record(school, actor, "waitlist." + outcome, "waitlist_offer", offer.id().toString(),
                Map.of("timeslot_id", offer.timeslotId()));
        offer(school, offer.timeslotId());
    }

    private Held lockOpen(UUID school, UUID payee, UUID offerId) {
        Held offer = jdbc.sql(HELD + """
                          join students st on st.school_id = w.school_id and st.id = w.student_id
                         where o.school_id = :school and o.id = :id and st.payee_id = :payee for update of o""")
                .param("school", school).param("id", offerId).param("payee", payee).query(Held.class).optional()
                .orElseThrow(() -> new NoSuchRecord("offer", offerId));
        if (!offer.status().equals("open") || !offer.expiresAt().isAfter(clock.instant())) {
            throw new ConflictWithCurrentState("This offer is no longer open"
                    + (offer.status().equals("open") ? ": its time ran out." : "; it was " + offer.status() + "."));
        }
        return offer;
    }

    private void entry(UUID school, UUID entryId, String status) {
        jdbc.sql("update waitlist_entries set status = :status, updated_at = now() where school_id = :school and id = :id")
                .param("school", school).param("id", entryId).param("status", status).update();
    }

    private UUID slotOf(UUID school, UUID enrollment) {
        return jdbc.sql("select timeslot_id from enrollments where school_id = :school and id = :id")
                .param("school", school).param("id", enrollment).query(UUID.class).single();
    }

    /** Who is first in line for a slot, and what the offer tells them. */
    private record Next(UUID entryId, UUID studentId, String student, String parentName, String email, String phone,
                        boolean smsOptOut, String teacher, int weekday, LocalTime startTime, int offerHours,
                        String timeZone, LocalDate leftOn) {
    }

    /**
     * Offers the slot to the first family in line whose wish it fits, if it is free and has lessons ahead; true when
     * it did. The slot's row is locked first: a booking of it, or another offer, waits and then finds it held.
     */
    boolean offer(UUID school, UUID slot) {
        jdbc.sql("select id from timeslots where school_id = :school and id = :id for update")
                .param("school", school).param("id", slot).query(UUID.class).optional();
        Optional<Next> next = jdbc.sql("""
                        select w.id as entry_id, w.student_id, st.name as student, p.name as parent_name,
                               p.email::text as email, p.phone, p.sms_opt_out, te.name as teacher, s.weekday,
                               s.start_time, sc.waitlist_offer_hours as offer_hours, sc.time_zone,
                               (select max(m.effective_on) from enrollment_moves m
                                 where m.school_id = s.school_id and m.from_timeslot_id = s.id) as left_on
                          from timeslots s
                          join teachers te on te.school_id = s.school_id and te.id = s.teacher_id and te.active
                          join schools sc on sc.id = s.school_id
                          join waitlist_entries w on w.school_id = s.school_id and w.status = 'waiting'
                          join students st on st.school_id = w.school_id and st.id = w.student_id
                          join payees p on p.school_id = st.school_id and p.id = st.payee_id
                         where s.school_id = :school and s.id = :slot and s.active
                           and not exists (select 1 from held_timeslots h where h.school_id = s.school_id and h.timeslot_id = s.id)
                           and (w.teacher_id is null or w.teacher_id = s.teacher_id)
                           and exists (select 1 from teacher_instruments ti where ti.school_id = s.school_id
                                          and ti.teacher_id = s.teacher_id and ti.instrument_id = w.instrument_id)
                           and (w.weekdays is null or s.weekday = any (w.weekdays))
                           and (w.earliest is null or s.start_time >= w.earliest)
                           and (w.latest is null or s.end_time <= w.latest)
                           and not exists (select 1 from enrollments e where e.school_id = w.school_id
                                              and e.student_id = w.student_id and e.status in ('provisional', 'active'))
                           and not exists (select 1 from waitlist_offers o where o.school_id = w.school_id
                                              and o.entry_id = w.id and o.timeslot_id = s.id)
                         order by w.position
                         limit 1
                           for update of w skip locked""")
                .param("school", school).param("slot", slot).query(Next.class).optional();
        if (next.isEmpty()) {
            return false;
        }
        Next first = next.get();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(first.timeZone())));
        LocalDate from = first.leftOn() != null && first.leftOn().isAfter(today) ? first.leftOn() : today;
        Optional<LocalDate> firstLesson = calendars.of(school).firstLesson(first.weekday(), from);
        if (firstLesson.isEmpty()) {
            return false;
        }
        Instant expires = clock.instant().plus(Duration.ofHours(first.offerHours()));
        UUID offerId = jdbc.sql("""
                        insert into waitlist_offers (school_id, entry_id, timeslot_id, expires_at)
                        values (:school, :entry, :slot, :expires)
                        on conflict do nothing
                        returning id""")
                .param("school", school).param("entry", first.entryId()).param("slot", slot)
                .param("expires", expires.atOffset(ZoneOffset.UTC)).query(UUID.class).optional().orElse(null);
        if (offerId == null) {
            return false;
        }
        entry(school, first.entryId(), "offered");
        audit.record(school, SYSTEM, "waitlist.offered", "waitlist_offer", offerId.toString(),
                Map.of("timeslot_id", slot, "entry_id", first.entryId(), "expires_at", expires.toString()));
        tell(school, first, offerId, firstLesson.get(), expires);
        return true;
    }

    private void tell(UUID school, Next first, UUID offerId, LocalDate firstLesson, Instant expires) {
        var link = addresses.link(school, "/parent/offers/" + offerId);
        notifications.email(school, first.email(), new Email.WaitlistOffer(first.parentName(), first.student(),
                first.teacher(), DayOfWeek.of(first.weekday()), first.startTime(), firstLesson, expires, link));
        if (first.phone() != null && !first.smsOptOut()) {
            notifications.text(school, first.phone().replaceAll("[^+0-9]", ""), "A slot for " + first.student()
                    + " with " + first.teacher() + " is held for you until " + expires.atZone(ZoneId.of(first.timeZone()))
                    .toLocalDateTime().withSecond(0).withNano(0) + ": " + link + " Reply STOP to opt out.");
        }
    }

    /** Each offer with the first lesson it would have, accepted now: the school's calendar and today read once. */
    private UnaryOperator<OfferView> withFirstLesson(UUID school) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(jdbc.sql("select time_zone from schools where id = :s")
                .param("s", school).query(String.class).single())));
        LessonCalendar calendar = calendars.of(school);
        return offer -> new OfferView(offer.id(), offer.timeslotId(), offer.studentId(), offer.studentName(),
                offer.teacherName(), offer.weekday(), offer.startTime(),
                calendar.firstLesson(offer.weekday(), today).orElse(null), offer.status(), offer.expiresAt());
    }
}
