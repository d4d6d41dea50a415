package academy.cedarheights.booking;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public weekly timetable: active slots of active teachers, with whether each is free. One
 * query, whatever the number of slots. (Asking for inactive slots finds none: they are not public.)
 */
@Service
@Transactional(readOnly = true)
public class OpenSlots {

    private final JdbcClient jdbc;

    OpenSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Named slots, active or not, with whether each is held: for showing bookings, which may outlive a slot's use. */
    public List<OpenSlot> withIds(UUID schoolId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select s.id, s.teacher_id, t.name as teacher_name, s.weekday, s.start_time, s.end_time,
                               s.active, not exists (select 1 from held_timeslots h where h.school_id = s.school_id
                                  and h.timeslot_id = s.id) as available
                          from timeslots s join teachers t on t.school_id = s.school_id and t.id = s.teacher_id
                         where s.school_id = :school and s.id = any (cast(:ids as uuid[]))""")
                .param("school", schoolId).param("ids", ids.toArray(UUID[]::new)).query(OpenSlot.class).list();
    }

    public List<OpenSlot> find(UUID schoolId, SlotFilter filter) {
        return jdbc.sql("""
                        select s.id, s.teacher_id, t.name as teacher_name, s.weekday, s.start_time, s.end_time,
                               s.active, h.timeslot_id is null as available
                          from timeslots s
                          join teachers t on t.school_id = s.school_id and t.id = s.teacher_id and t.active
                          left join held_timeslots h on h.school_id = s.school_id and h.timeslot_id = s.id
                         where s.school_id = :school
                           and s.active and coalesce(cast(:active as boolean), true)
                           and (cast(:teacher as uuid) is null or s.teacher_id = :teacher)
                           and (cast(:weekday as int) is null or s.weekday = :weekday)
                           and (cast(:instrument as uuid) is null or exists (
                                select 1 from teacher_instruments ti
                                 where ti.school_id = s.school_id and ti.teacher_id = s.teacher_id
                                   and ti.instrument_id = :instrument))
                           and (cast(:available as boolean) is null or (h.timeslot_id is null) = :available)
                         order by s.weekday, s.start_time, t.name""")
                .param("school", schoolId)
                .param("active", filter.active())
                .param("teacher", filter.teacherId())
                .param("weekday", filter.weekday())
                .param("instrument", filter.instrumentId())
                .param("available", filter.available())
                .query(OpenSlot.class)
                .list();
    }
}
