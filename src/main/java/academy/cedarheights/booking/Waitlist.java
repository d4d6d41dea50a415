package academy.cedarheights.booking;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.AlreadyExists;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.NoSuchRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Families waiting for a weekly slot, in the school's order: the longest waiting first, unless the school moves
 * someone up or down. Joining offers a matching slot at once if one is free; the offers themselves are {@link Offers}'.
 */
@Service
@Transactional
public class Waitlist {

    private static final String ENTRIES = """
            select w.id, w.student_id, st.name as student_name, p.name as family_name, w.teacher_id,
                   te.name as teacher_name, w.instrument_id, i.name as instrument_name, w.weekdays, w.earliest,
                   w.latest, w.status, w.created_at,
                   case when w.status in ('waiting', 'offered')
                        then rank() over (partition by w.status in ('waiting', 'offered') order by w.position) end as place,
                   o.id as offer_id, o.timeslot_id as offer_timeslot_id, s.weekday as offer_weekday,
                   s.start_time as offer_start_time, ot.name as offer_teacher, o.expires_at as offer_expires_at
              from waitlist_entries w
              join students st on st.school_id = w.school_id and st.id = w.student_id
              join payees p on p.school_id = st.school_id and p.id = st.payee_id
              join instruments i on i.school_id = w.school_id and i.id = w.instrument_id
              left join teachers te on te.school_id = w.school_id and te.id = w.teacher_id
              left join waitlist_offers o on o.school_id = w.school_id and o.entry_id = w.id and o.status = 'open'
              left join timeslots s on s.school_id = o.school_id and s.id = o.timeslot_id
              left join teachers ot on ot.school_id = s.school_id and ot.id = s.teacher_id
             where w.school_id = :school
            """;

    private final JdbcClient jdbc;
    private final Offers offers;
    private final AuditTrail audit;

    Waitlist(JdbcClient jdbc, Offers offers, AuditTrail audit) {
        this.jdbc = jdbc;
        this.offers = offers;
        this.audit = audit;
    }

    /**
     * Puts the child in line (the caller checked the child is the family's). The instrument is the child's; a teacher
     * named must teach it.
     */
    public WaitlistEntry join(UUID school, String actor, WaitRequest request) {
        Child child = jdbc.sql("""
                        select st.instrument_id, exists (select 1 from enrollments e where e.school_id = st.school_id
                                  and e.student_id = st.id and e.status in ('provisional', 'active')) as enrolled
                          from students st where st.school_id = :school and st.id = :student""")
                .param("school", school).param("student", request.studentId()).query(Child.class).optional()
                .orElseThrow(() -> new InvalidField("student_id", "must be a child of this family"));
        if (request.instrumentId() != null && !request.instrumentId().equals(child.instrumentId())) {
            throw new InvalidField("instrument_id", "must be the child's instrument");
        }
        if (request.teacherId() != null && !teaches(school, request.teacherId(), child.instrumentId())) {
            throw new InvalidField("teacher_id", "must be an active teacher of the child's instrument");
        }
        if (request.earliest() != null && request.latest() != null && !request.earliest().isBefore(request.latest())) {
            throw new InvalidField("latest", "must be after earliest");
        }
        if (child.enrolled()) {
            throw new StudentAlreadyEnrolled();
        }
        UUID id;
        try {
            id = jdbc.sql("""
                            insert into waitlist_entries (school_id, student_id, teacher_id, instrument_id, weekdays,
                                                          earliest, latest)
                            values (:school, :student, :teacher, :instrument, cast(:weekdays as smallint[]), :earliest,
                                    :latest)
                            returning id""")
                    .param("school", school).param("student", request.studentId()).param("teacher", request.teacherId())
                    .param("instrument", child.instrumentId())
                    .param("weekdays", request.weekdays() == null ? null
                            : request.weekdays().stream().distinct().sorted().toArray(Integer[]::new))
                    .param("earliest", request.earliest()).param("latest", request.latest())
                    .query(UUID.class).single();
        } catch (DuplicateKeyException e) {
            throw new AlreadyExists("This child is already on the waitlist; withdraw that wish to make another.");
        }
        audit.record(school, actor, "waitlist.joined", "waitlist_entry", id.toString(),
                Map.of("student_id", request.studentId()));
        offers.offerFreeSlots(school);
        return get(school, id);
    }

    private record Child(UUID instrumentId, boolean enrolled) {
    }

    private boolean teaches(UUID school, UUID teacher, UUID instrument) {
        return jdbc.sql("""
                        select exists (select 1 from teachers t join teacher_instruments ti on ti.school_id = t.school_id
                                          and ti.teacher_id = t.id
                                        where t.school_id = :school and t.id = :teacher and t.active
                                          and ti.instrument_id = :instrument)""")
                .param("school", school).param("teacher", teacher).param("instrument", instrument)
                .query(Boolean.class).single();
    }

    /** The family's wishes still in line (and those booked from an offer), oldest first. */
    @Transactional(readOnly = true)
    public List<WaitlistEntry> ofFamily(UUID school, UUID payee) {
        return jdbc.sql("select * from (" + ENTRIES + ") e where e.student_id in (select id from students "
                        + "where school_id = :school and payee_id = :payee) and e.status <> 'withdrawn' order by e.created_at")
                .param("school", school).param("payee", payee).query(Waitlist::entry).list();
    }

    /** The line as the school sees it: who is waiting or holding an offer, in order. */
    @Transactional(readOnly = true)
    public List<WaitlistEntry> inLine(UUID school) {
        return jdbc.sql(ENTRIES + " and w.status in ('waiting', 'offered') order by w.position")
                .param("school", school).query(Waitlist::entry).list();
    }

    @Transactional(readOnly = true)
    public WaitlistEntry get(UUID school, UUID id) {
        return jdbc.sql("select * from (" + ENTRIES + ") e where e.id = :id").param("school", school).param("id", id)
                .query(Waitlist::entry).optional().orElseThrow(() -> new NoSuchRecord("waitlist entry", id));
    }

    /** The family leaves the line; a slot held for it passes to the next family. */
    public void withdraw(UUID school, UUID payee, String actor, UUID id) {
        int left = jdbc.sql("""
                        update waitlist_entries w set status = 'withdrawn', updated_at = now()
                          from students st
                         where w.school_id = :school and w.id = :id and st.school_id = w.school_id
                           and st.id = w.student_id and st.payee_id = :payee and w.status in ('waiting', 'offered')""")
                .param("school", school).param("id", id).param("payee", payee).update();
        if (left == 0) {
            throw new NoSuchRecord("waitlist entry", id);
        }
        audit.record(school, actor, "waitlist.withdrawn", "waitlist_entry", id.toString(), Map.of());
        offers.withdrawn(school, id, actor);
    }

    /**
     * The school puts an entry at {@code place} (1 = first) in its line; the others keep their order. Locks the line,
     * so two reorders never interleave.
     */
    public List<WaitlistEntry> moveTo(UUID school, String actor, UUID id, int place) {
        List<UUID> line = new ArrayList<>(jdbc.sql("""
                        select id from waitlist_entries where school_id = :school and status in ('waiting', 'offered')
                         order by position for update""")
                .param("school", school).query(UUID.class).list());
        if (!line.remove(id)) {
            throw new NoSuchRecord("waitlist entry", id);
        }
        if (place < 1 || place > line.size() + 1) {
            throw new InvalidField("position", "must be between 1 and " + (line.size() + 1));
        }
        line.add(place - 1, id);
        jdbc.sql("""
                        update waitlist_entries w set position = n.place, updated_at = now()
                          from unnest(cast(:ids as uuid[])) with ordinality as n(id, place)
                         where w.school_id = :school and w.id = n.id""")
                .param("school", school).param("ids", line.toArray(UUID[]::new)).update();
        audit.record(school, actor, "waitlist.reordered", "waitlist_entry", id.toString(), Map.of("position", place));
        return inLine(school);
    }

    private static WaitlistEntry entry(ResultSet rs, int row) throws SQLException {
        Array days = rs.getArray("weekdays");
        List<Integer> weekdays = days == null ? null
                : Arrays.stream((Object[]) days.getArray()).map(day -> ((Number) day).intValue()).toList();
        UUID offerId = rs.getObject("offer_id", UUID.class);
        OfferView offer = offerId == null ? null : new OfferView(offerId, rs.getObject("offer_timeslot_id", UUID.class),
                rs.getObject("student_id", UUID.class), rs.getString("student_name"), rs.getString("offer_teacher"),
                rs.getInt("offer_weekday"), rs.getObject("offer_start_time", LocalTime.class), null, "open",
                rs.getTimestamp("offer_expires_at").toInstant());
        Long place = rs.getObject("place", Long.class);
        return new WaitlistEntry(rs.getObject("id", UUID.class), rs.getObject("student_id", UUID.class),
                rs.getString("student_name"), rs.getString("family_name"), rs.getObject("teacher_id", UUID.class),
                rs.getString("teacher_name"), rs.getObject("instrument_id", UUID.class), rs.getString("instrument_name"),
                weekdays, rs.getObject("earliest", LocalTime.class), rs.getObject("latest", LocalTime.class),
                place == null ? null : place.intValue(), rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(), offer);
    }
}
