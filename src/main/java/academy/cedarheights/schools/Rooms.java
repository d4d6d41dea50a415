package academy.cedarheights.schools;

import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.AlreadyExists;
import academy.cedarheights.platform.web.MergePatch;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.StillInUse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** The rooms lessons happen in; a room holds one lesson at a time (the timeslots' exclusion constraint). */
@Service
@Transactional
public class Rooms {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "created_at", "created_at");
    private static final String KIND = "room";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MergePatch patches;

    Rooms(JdbcClient jdbc, AuditTrail audit, MergePatch patches) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.patches = patches;
    }

    @Transactional(readOnly = true)
    public Page<Room> list(UUID school, Boolean active, PageQuery query) {
        String where = " from rooms where school_id = :school and (cast(:active as boolean) is null or active = :active)";
        var items = jdbc.sql("select id, name, active, created_at" + where + " order by "
                        + query.orderBy(SORTABLE, "name") + " limit :limit offset :offset")
                .param("school", school).param("active", active)
                .param("limit", query.pageSize()).param("offset", query.offset())
                .query(Room.class).list();
        long total = jdbc.sql("select count(*)" + where).param("school", school).param("active", active)
                .query(Long.class).single();
        return query.page(items, total);
    }

    @Transactional(readOnly = true)
    public Room get(UUID school, UUID id) {
        return jdbc.sql("select id, name, active, created_at from rooms where school_id = :school and id = :id")
                .param("school", school).param("id", id)
                .query(Room.class).optional().orElseThrow(() -> new NoSuchRecord(KIND, id));
    }

    public Room create(UUID school, String actor, RoomRequest request) {
        UUID id = jdbc.sql("""
                        insert into rooms (school_id, name, active) values (:school, :name, :active)
                        on conflict (school_id, name) do nothing returning id""")
                .param("school", school).param("name", request.name().trim()).param("active", request.active())
                .query(UUID.class).optional().orElseThrow(() -> duplicate(request));
        Room created = get(school, id);
        audit.created(school, actor, KIND, id, created);
        return created;
    }

    public Room replace(UUID school, String actor, UUID id, RoomRequest request) {
        Room before = get(school, id);
        boolean taken = jdbc.sql("select exists (select 1 from rooms where school_id = :school and name = :name and id <> :id)")
                .param("school", school).param("name", request.name().trim()).param("id", id).query(Boolean.class).single();
        if (taken) {
            throw duplicate(request);
        }
        jdbc.sql("update rooms set name = :name, active = :active where school_id = :school and id = :id")
                .param("school", school).param("id", id).param("name", request.name().trim())
                .param("active", request.active()).update();
        Room after = get(school, id);
        audit.updated(school, actor, KIND, id, before, after);
        return after;
    }

    public Room patch(UUID school, String actor, UUID id, JsonNode patch) {
        return replace(school, actor, id, patches.apply(get(school, id), patch, RoomRequest.class));
    }

    public void delete(UUID school, String actor, UUID id) {
        Room before = get(school, id);
        long slots = jdbc.sql("select count(*) from timeslots where school_id = :school and room_id = :id")
                .param("school", school).param("id", id).query(Long.class).single();
        if (slots > 0) {
            throw new StillInUse("The room '" + before.name() + "' has " + slots
                    + " timeslot(s); move them or deactivate the room instead.");
        }
        jdbc.sql("delete from rooms where school_id = :school and id = :id").param("school", school).param("id", id).update();
        audit.deleted(school, actor, KIND, id, before);
    }

    private static AlreadyExists duplicate(RoomRequest request) {
        return new AlreadyExists("The school already has a room called '" + request.name().trim() + "'.");
    }
}
