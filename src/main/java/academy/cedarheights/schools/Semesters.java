package academy.cedarheights.schools;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
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

/** A school's semesters, which never overlap, and their closures (days without lessons). */
@Service
@Transactional
public class Semesters {

    private static final Map<String, String> SORTABLE = Map.of("start_date", "start_date", "name", "name");
    private static final String KIND = "semester";
    private static final String SELECT = "select id, name, start_date, end_date, created_at from semesters";
    private static final String CLOSURES = "select id, semester_id, start_date, end_date, reason, created_at from closures";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MergePatch patches;

    private final ApplicationEventPublisher events;

    Semesters(JdbcClient jdbc, AuditTrail audit, MergePatch patches, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
        this.patches = patches;
    }

    @Transactional(readOnly = true)
    public Page<Semester> list(UUID school, PageQuery query) {
        var items = jdbc.sql(SELECT + " where school_id = :school order by " + query.orderBy(SORTABLE, "start_date")
                        + " limit :limit offset :offset")
                .param("school", school).param("limit", query.pageSize()).param("offset", query.offset())
                .query(Semester.class).list();
        long total = jdbc.sql("select count(*) from semesters where school_id = :school").param("school", school)
                .query(Long.class).single();
        return query.page(items, total);
    }

    @Transactional(readOnly = true)
    public Semester get(UUID school, UUID id) {
        return jdbc.sql(SELECT + " where school_id = :school and id = :id").param("school", school).param("id", id)
                .query(Semester.class).optional().orElseThrow(() -> new NoSuchRecord(KIND, id));
    }

    public Semester create(UUID school, String actor, SemesterRequest request) {
        check(school, null, request);
        UUID id = jdbc.sql("insert into semesters (school_id, name, start_date, end_date) values (:school, :name, :start, :end) returning id")
                .param("school", school).param("name", request.name().trim())
                .param("start", request.startDate()).param("end", request.endDate())
                .query(UUID.class).single();
        Semester created = get(school, id);
        audit.created(school, actor, KIND, id, created);
        events.publishEvent(new CalendarChanged(school));
        return created;
    }

    public Semester replace(UUID school, String actor, UUID id, SemesterRequest request) {
        Semester before = get(school, id);
        check(school, id, request);
        jdbc.sql("update semesters set name = :name, start_date = :start, end_date = :end where school_id = :school and id = :id")
                .param("school", school).param("id", id).param("name", request.name().trim())
                .param("start", request.startDate()).param("end", request.endDate()).update();
        Semester after = get(school, id);
        audit.updated(school, actor, KIND, id, before, after);
        events.publishEvent(new CalendarChanged(school));
        return after;
    }

    public Semester patch(UUID school, String actor, UUID id, JsonNode patch) {
        return replace(school, actor, id, patches.apply(get(school, id), patch, SemesterRequest.class));
    }

    /**
     * Its closures go with it; refused once make-up credits belong to it — by the database's foreign key, as the
     * credits are the lessons module's.
     */
    public void delete(UUID school, String actor, UUID id) {
        Semester before = get(school, id);
        try {
            jdbc.sql("delete from semesters where school_id = :school and id = :id").param("school", school).param("id", id).update();
        } catch (DataIntegrityViolationException credited) {
            throw new StillInUse("The semester '" + before.name() + "' has make-up credits; it cannot be deleted.");
        }
        audit.deleted(school, actor, KIND, id, before);
        events.publishEvent(new CalendarChanged(school));
    }

    @Transactional(readOnly = true)
    public List<Closure> closures(UUID school, UUID semester) {
        get(school, semester);
        return jdbc.sql(CLOSURES + " where school_id = :school and semester_id = :semester order by start_date, id")
                .param("school", school).param("semester", semester).query(Closure.class).list();
    }

    public Closure addClosure(UUID school, String actor, UUID semesterId, ClosureRequest request) {
        checkClosure(school, semesterId, request);
        UUID id = jdbc.sql("""
                        insert into closures (school_id, semester_id, start_date, end_date, reason)
                        values (:school, :semester, :start, :end, :reason) returning id""")
                .param("school", school).param("semester", semesterId).param("start", request.startDate())
                .param("end", request.endDate()).param("reason", request.reason() == null ? "" : request.reason().trim())
                .query(UUID.class).single();
        Closure created = closure(school, semesterId, id);
        audit.created(school, actor, "closure", id, created);
        events.publishEvent(new CalendarChanged(school));
        return created;
    }

    /** A closure's days lie within its semester, the last not before the first; refused naming the field otherwise. */
    @Transactional(readOnly = true)
    public void checkClosure(UUID school, UUID semesterId, ClosureRequest request) {
        Semester semester = get(school, semesterId);
        if (request.endDate().isBefore(request.startDate())) {
            throw new InvalidField("end_date", "must not be before start_date");
        }
        if (request.startDate().isBefore(semester.startDate()) || request.endDate().isAfter(semester.endDate())) {
            throw new InvalidField("start_date", "must lie within the semester (" + semester.startDate() + " to "
                    + semester.endDate() + ")");
        }
    }

    public void removeClosure(UUID school, String actor, UUID semesterId, UUID closureId) {
        Closure before = closure(school, semesterId, closureId);
        jdbc.sql("delete from closures where school_id = :school and id = :id").param("school", school).param("id", closureId).update();
        audit.deleted(school, actor, "closure", closureId, before);
        events.publishEvent(new CalendarChanged(school));
    }

    private Closure closure(UUID school, UUID semester, UUID id) {
        return jdbc.sql(CLOSURES + " where school_id = :school and semester_id = :semester and id = :id")
                .param("school", school).param("semester", semester).param("id", id)
                .query(Closure.class).optional().orElseThrow(() -> new NoSuchRecord("closure", id));
    }

    private void check(UUID school, UUID id, SemesterRequest request) {
        if (request.endDate().isBefore(request.startDate())) {
            throw new InvalidField("end_date", "must not be before start_date");
        }
        jdbc.sql("""
                        select name from semesters where school_id = :school and id is distinct from cast(:id as uuid)
                           and daterange(start_date, end_date, '[]') && daterange(:start, :end, '[]') limit 1""")
                .param("school", school).param("id", id).param("start", request.startDate()).param("end", request.endDate())
                .query(String.class).optional().ifPresent(other -> {
                    throw new AlreadyExists("The dates overlap the semester '" + other + "'.");
                });
    }
}
