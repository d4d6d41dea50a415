package academy.cedarheights.families;

import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.persistence.Like;
import academy.cedarheights.platform.web.AlreadyExists;
import academy.cedarheights.platform.web.ConflictWithCurrentState;
import academy.cedarheights.platform.web.MergePatch;
import academy.cedarheights.platform.web.NoSuchRecord;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.platform.web.StillInUse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** The school's payees, as admins manage them; an email belongs to one payee per school. */
@Service
@Transactional
public class Payees {

    static final String SELECT = """
            select id, name, email, phone, status, identity_subject is not null as signs_in, notes, created_at, updated_at
              from payees""";
    private static final Map<String, String> SORTABLE = Map.of("name", "name", "email", "email",
            "created_at", "created_at");
    static final String KIND = "payee";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MergePatch patches;

    Payees(JdbcClient jdbc, AuditTrail audit, MergePatch patches) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.patches = patches;
    }

    @Transactional(readOnly = true)
    public Page<Payee> list(UUID school, String status, String search, PageQuery query) {
        String where = """
                 where school_id = :school and (cast(:status as text) is null or status = :status)
                   and (cast(:q as text) is null
                        or (name || ' ' || email::text || ' ' || coalesce(phone, '')) ilike :pattern
                        or id in (select payee_id from students
                                   where school_id = :school and deleted_at is null and name ilike :pattern))""";
        String pattern = search == null ? null : Like.containing(search);
        var items = jdbc.sql(SELECT + " " + where + " order by " + query.orderBy(SORTABLE, "name") + " limit :limit offset :offset")
                .param("school", school).param("status", status).param("q", search).param("pattern", pattern)
                .param("limit", query.pageSize()).param("offset", query.offset())
                .query(Payee.class).list();
        long total = jdbc.sql("select count(*) from payees " + where)
                .param("school", school).param("status", status).param("q", search).param("pattern", pattern)
                .query(Long.class).single();
        return query.page(items, total);
    }

    @Transactional(readOnly = true)
    public Payee get(UUID school, UUID id) {
        return jdbc.sql(SELECT + " where school_id = :school and id = :id").param("school", school).param("id", id)
                .query(Payee.class).optional().orElseThrow(() -> new NoSuchRecord(KIND, id));
    }

    public Payee create(UUID school, String actor, PayeeRequest request) {
        UUID id = jdbc.sql("""
                        insert into payees (school_id, name, email, phone, status, notes)
                        values (:school, :name, :email, :phone, :status, :notes)
                        on conflict (school_id, email) do nothing returning id""")
                .params(columns(school, request)).query(UUID.class).optional()
                .orElseThrow(() -> duplicate(request.email()));
        Payee created = get(school, id);
        audit.created(school, actor, KIND, id, created);
        return created;
    }

    public Payee replace(UUID school, String actor, UUID id, PayeeRequest request) {
        Payee before = get(school, id);
        if (before.status().equals(FamilyErasure.ERASED)) {
            // an erased family is not brought back by writing a name over its pseudonym: it signs up again
            throw new ConflictWithCurrentState("This family's personal data was erased; its record keeps only a "
                    + "pseudonym for the school's accounts.");
        }
        boolean taken = jdbc.sql("""
                        select exists (select 1 from payees
                                        where school_id = :school and email = cast(:email as citext) and id <> :id)""")
                .param("school", school).param("email", request.email().trim()).param("id", id).query(Boolean.class).single();
        if (taken) {
            throw duplicate(request.email());
        }
        jdbc.sql("""
                        update payees set name = :name, email = :email, phone = :phone, status = :status, notes = :notes,
                               updated_at = now()
                         where school_id = :school and id = :id""")
                .params(columns(school, request)).param("id", id).update();
        Payee after = get(school, id);
        audit.updated(school, actor, KIND, id, before, after);
        return after;
    }

    public Payee patch(UUID school, String actor, UUID id, JsonNode patch) {
        return replace(school, actor, id, patches.apply(get(school, id), patch, PayeeRequest.class));
    }

    public void delete(UUID school, String actor, UUID id) {
        Payee before = get(school, id);
        long students = jdbc.sql("select count(*) from students where school_id = :school and payee_id = :id")
                .param("school", school).param("id", id).query(Long.class).single();
        if (students > 0) {
            throw new StillInUse("The payee " + before.name() + " has " + students
                    + " student(s) on record; set the payee inactive instead.");
        }
        jdbc.sql("delete from payees where school_id = :school and id = :id").param("school", school).param("id", id).update();
        audit.deleted(school, actor, KIND, id, before);
    }

    private static Map<String, Object> columns(UUID school, PayeeRequest request) {
        var columns = new java.util.HashMap<String, Object>();
        columns.put("school", school);
        columns.put("name", request.name().trim());
        columns.put("email", request.email().trim());
        columns.put("phone", request.phone());
        columns.put("status", request.status());
        columns.put("notes", request.notes() == null ? "" : request.notes().strip());
        return columns;
    }

    private static AlreadyExists duplicate(String email) {
        return new AlreadyExists("A payee with the email " + email.trim() + " already exists.");
    }
}
