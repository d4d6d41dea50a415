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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** The instruments a school teaches; names are unique per school. */
@Service
@Transactional
public class Instruments {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "created_at", "created_at");
    private static final String KIND = "instrument";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MergePatch patches;

    Instruments(JdbcClient jdbc, AuditTrail audit, MergePatch patches) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.patches = patches;
    }

    @Transactional(readOnly = true)
    public Page<Instrument> list(UUID school, String nameContains, PageQuery query) {
        String where = " from instruments where school_id = :school"
                + " and (cast(:q as text) is null or name ilike '%' || cast(:q as text) || '%')";
        var items = jdbc.sql("select id, name, created_at" + where + " order by " + query.orderBy(SORTABLE, "name")
                        + " limit :limit offset :offset")
                .param("school", school).param("q", nameContains)
                .param("limit", query.pageSize()).param("offset", query.offset())
                .query(Instrument.class).list();
        long total = jdbc.sql("select count(*)" + where).param("school", school).param("q", nameContains)
                .query(Long.class).single();
        return query.page(items, total);
    }

    @Transactional(readOnly = true)
    public Instrument get(UUID school, UUID id) {
        return jdbc.sql("select id, name, created_at from instruments where school_id = :school and id = :id")
                .param("school", school).param("id", id)
                .query(Instrument.class).optional().orElseThrow(() -> new NoSuchRecord(KIND, id));
    }

    public Instrument create(UUID school, String actor, InstrumentRequest request) {
        UUID id = jdbc.sql("""
                        insert into instruments (school_id, name) values (:school, :name)
                        on conflict (school_id, name) do nothing returning id""")
                .param("school", school).param("name", request.name().trim())
                .query(UUID.class).optional().orElseThrow(() -> duplicate(request));
        Instrument created = get(school, id);
        audit.created(school, actor, KIND, id, created);
        return created;
    }

    public Instrument replace(UUID school, String actor, UUID id, InstrumentRequest request) {
        Instrument before = get(school, id);
        if (nameTakenByAnother(school, id, request.name().trim())) {
            throw duplicate(request);
        }
        jdbc.sql("update instruments set name = :name where school_id = :school and id = :id")
                .param("school", school).param("id", id).param("name", request.name().trim()).update();
        Instrument after = get(school, id);
        audit.updated(school, actor, KIND, id, before, after);
        return after;
    }

    public Instrument patch(UUID school, String actor, UUID id, JsonNode patch) {
        return replace(school, actor, id, patches.apply(get(school, id), patch, InstrumentRequest.class));
    }

    /** Refused while a teacher teaches it, or a student learns it (the database's foreign key: students are families'). */
    public void delete(UUID school, String actor, UUID id) {
        Instrument before = get(school, id);
        long teachers = jdbc.sql("select count(*) from teacher_instruments where school_id = :school and instrument_id = :id")
                .param("school", school).param("id", id).query(Long.class).single();
        if (teachers > 0) {
            throw new StillInUse("The instrument '" + before.name() + "' is taught by " + teachers
                    + " teacher(s); it cannot be deleted.");
        }
        try {
            jdbc.sql("delete from instruments where school_id = :school and id = :id").param("school", school).param("id", id).update();
        } catch (DataIntegrityViolationException learned) {
            throw new StillInUse("The instrument '" + before.name() + "' is learned by students; it cannot be deleted.");
        }
        audit.deleted(school, actor, KIND, id, before);
    }

    private boolean nameTakenByAnother(UUID school, UUID id, String name) {
        return jdbc.sql("select exists (select 1 from instruments where school_id = :school and name = :name and id <> :id)")
                .param("school", school).param("name", name).param("id", id).query(Boolean.class).single();
    }

    private static AlreadyExists duplicate(InstrumentRequest request) {
        return new AlreadyExists("The school already has an instrument called '" + request.name().trim() + "'.");
    }
}
