package academy.cedarheights.schools;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.persistence.SchoolRows;
import academy.cedarheights.platform.web.AlreadyExists;
import academy.cedarheights.platform.web.InvalidField;
import academy.cedarheights.platform.web.MergePatch;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.StillInUse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Teachers' weekly slots. A slot lasts exactly the school's lesson length; a teacher's and a room's
 * active slots never overlap (checked here to name the collision, and by exclusion constraints).
 */
@Service
@Transactional
public class Timeslots {

    private static final Map<String, String> SORTABLE = Map.of("weekday", "weekday, start_time",
            "start_time", "start_time", "created_at", "created_at");
    private static final String KIND = "timeslot";
    private static final String SELECT = """
            select s.id, s.teacher_id, s.weekday, s.start_time, s.end_time, s.room_id, s.active, s.created_at, s.updated_at,
                   exists (select 1 from current_enrollments e where e.school_id = s.school_id and e.timeslot_id = s.id)
                       as held
              from timeslots s
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MergePatch patches;
    private final SchoolRows rows;
    private final ApplicationEventPublisher events;

    Timeslots(JdbcClient jdbc, AuditTrail audit, MergePatch patches, SchoolRows rows, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
        this.patches = patches;
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public Page<Timeslot> list(UUID school, UUID teacherId, Integer weekday, Boolean active, PageQuery query) {
        String where = """
                 where s.school_id = :school and (cast(:teacher as uuid) is null or s.teacher_id = :teacher)
                   and (cast(:weekday as int) is null or s.weekday = :weekday)
                   and (cast(:active as boolean) is null or s.active = :active)""";
        var items = jdbc.sql(SELECT + " " + where + " order by " + query.orderBy(SORTABLE, "weekday, start_time", "s.id")
                        + " limit :limit offset :offset")
                .param("school", school).param("teacher", teacherId).param("weekday", weekday).param("active", active)
                .param("limit", query.pageSize()).param("offset", query.offset())
                .query(Timeslot.class).list();
        long total = jdbc.sql("select count(*) from timeslots s " + where)
                .param("school", school).param("teacher", teacherId).param("weekday", weekday).param("active", active)
                .query(Long.class).single();
        return query.page(items, total);
    }

    @Transactional(readOnly = true)
    public Timeslot get(UUID school, UUID id) {
        return jdbc.sql(SELECT + " where s.school_id = :school and s.id = :id")
                .param("school", school).param("id", id)
                .query(Timeslot.class).optional().orElseThrow(() -> new NoSuchRecord(KIND, id));
    }

    public Timeslot create(UUID school, String actor, TimeslotRequest request) {
        check(school, null, request);
        UUID id = jdbc.sql("""
                        insert into timeslots (school_id, teacher_id, weekday, start_time, end_time, room_id, active)
                        values (:school, :teacher, :weekday, :start, :end, :room, :active) returning id""")
                .param("school", school).param("teacher", request.teacherId()).param("weekday", request.weekday())
                .param("start", request.startTime()).param("end", request.endTime()).param("room", request.roomId())
                .param("active", request.active())
                .query(UUID.class).single();
        Timeslot created = get(school, id);
        audit.created(school, actor, KIND, id, created);
        opened(school, created);
        return created;
    }

    /**
     * A held slot keeps its day, time and teacher and stays active — the pupil's lessons are there (move the pupil
     * instead); its room can change.
     */
    public Timeslot replace(UUID school, String actor, UUID id, TimeslotRequest request) {
        Timeslot before = get(school, id);
        boolean reschedules = before.weekday() != request.weekday() || !before.startTime().equals(request.startTime())
                || !before.teacherId().equals(request.teacherId()) || !request.active();
        if (before.held() && reschedules) {
            throw new StillInUse("A pupil holds this slot: its day, time and teacher stay, and it stays active; move the"
                    + " pupil to another slot first.");
        }
        check(school, id, request);
        jdbc.sql("""
                        update timeslots set teacher_id = :teacher, weekday = :weekday, start_time = :start, end_time = :end,
                                             room_id = :room, active = :active, updated_at = now()
                         where school_id = :school and id = :id""")
                .param("school", school).param("id", id).param("teacher", request.teacherId())
                .param("weekday", request.weekday()).param("start", request.startTime()).param("end", request.endTime())
                .param("room", request.roomId()).param("active", request.active())
                .update();
        Timeslot after = get(school, id);
        audit.updated(school, actor, KIND, id, before, after);
        opened(school, after);
        return after;
    }

    private void opened(UUID school, Timeslot slot) {
        if (slot.active() && !slot.held()) {
            events.publishEvent(new TimeslotOpened(school, slot.id()));
        }
    }

    public Timeslot patch(UUID school, String actor, UUID id, JsonNode patch) {
        return replace(school, actor, id, patches.apply(get(school, id), patch, TimeslotRequest.class));
    }

    /** Refused while anyone holds the slot or ever did (their lessons and attendance point at it). */
    public void delete(UUID school, String actor, UUID id) {
        Timeslot before = get(school, id);
        if (before.held()) {
            throw new StillInUse("The timeslot is held by a provisional or active enrollment; cancel it first.");
        }
        try {
            jdbc.sql("delete from timeslots where school_id = :school and id = :id").param("school", school).param("id", id).update();
        } catch (DataIntegrityViolationException history) {
            // past enrollments and make-up lessons point at it (the database's foreign keys)
            throw new StillInUse("The timeslot has past enrollments or make-up lessons; deactivate it instead.");
        }
        audit.deleted(school, actor, KIND, id, before);
    }

    private void check(UUID school, UUID id, TimeslotRequest request) {
        int lessonMinutes = jdbc.sql("select lesson_minutes from schools where id = :school").param("school", school)
                .query(Integer.class).single();
        if (!Duration.between(request.startTime(), request.endTime()).equals(Duration.ofMinutes(lessonMinutes))) {
            throw new InvalidField("end_time", "must be " + lessonMinutes + " minutes after start_time (the school's lesson length)");
        }
        if (!rows.exists("teachers", school, request.teacherId())) {
            throw new InvalidField("teacher_id", "must be a teacher of this school");
        }
        if (request.roomId() != null && !rows.exists("rooms", school, request.roomId())) {
            throw new InvalidField("room_id", "must be a room of this school");
        }
        sameStart(school, id, request).ifPresent(other -> {
            throw new AlreadyExists("The teacher already has a slot starting then: " + other + ".");
        });
        if (request.active()) {
            collision(school, id, "teacher_id", request.teacherId(), request).ifPresent(other -> {
                throw new AlreadyExists("The slot overlaps the teacher's slot " + other + ".");
            });
            if (request.roomId() != null) {
                collision(school, id, "room_id", request.roomId(), request).ifPresent(other -> {
                    throw new AlreadyExists("The slot overlaps the room's slot " + other + ".");
                });
            }
        }
    }

    private Optional<String> sameStart(UUID school, UUID id, TimeslotRequest request) {
        return jdbc.sql("""
                        select id, weekday, start_time, end_time from timeslots
                         where school_id = :school and teacher_id = :teacher and weekday = :weekday and start_time = :start
                           and id is distinct from cast(:id as uuid)""")
                .param("school", school).param("teacher", request.teacherId()).param("weekday", request.weekday())
                .param("start", request.startTime()).param("id", id)
                .query(Timeslots::describe).optional();
    }

    /** The active slot of the same teacher (or room) on that weekday whose time overlaps, if any. */
    private Optional<String> collision(UUID school, UUID id, String column, UUID owner, TimeslotRequest request) {
        return jdbc.sql("""
                        select id, weekday, start_time, end_time from timeslots
                         where school_id = :school and %s = :owner and weekday = :weekday and active
                           and time_range(start_time, end_time) && time_range(:start, :end)
                           and id is distinct from cast(:id as uuid)
                         limit 1""".formatted(column))
                .param("school", school).param("owner", owner).param("weekday", request.weekday())
                .param("start", request.startTime()).param("end", request.endTime()).param("id", id)
                .query(Timeslots::describe).optional();
    }


    private static String describe(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String day = DayOfWeek.of(rs.getInt("weekday")).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return rs.getString("id") + " (" + day + " " + rs.getString("start_time").substring(0, 5) + "–"
                + rs.getString("end_time").substring(0, 5) + ")";
    }
}
