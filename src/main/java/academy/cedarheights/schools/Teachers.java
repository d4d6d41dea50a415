package academy.cedarheights.schools;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import academy.cedarheights.platform.Money;
import academy.cedarheights.platform.audit.AuditTrail;
import academy.cedarheights.platform.web.AlreadyExists;
import academy.cedarheights.platform.web.InvalidField;
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

/** A school's teachers: who they are, what they teach, what a lesson pays them, whether they teach now. */
@Service
@Transactional
public class Teachers {

    private static final Map<String, String> SORTABLE = Map.of("name", "t.name", "email", "t.email",
            "created_at", "t.created_at");
    private static final String KIND = "teacher";
    private static final String SELECT = """
            select t.id, t.name, t.email, t.bio, t.pay_per_lesson_cents, s.currency, t.active, t.created_at, t.updated_at,
                   array(select ti.instrument_id from teacher_instruments ti
                          where ti.school_id = t.school_id and ti.teacher_id = t.id order by ti.instrument_id) as instrument_ids
              from teachers t join schools s on s.id = t.school_id
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final MergePatch patches;

    Teachers(JdbcClient jdbc, AuditTrail audit, MergePatch patches) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.patches = patches;
    }

    @Transactional(readOnly = true)
    public Page<Teacher> list(UUID school, Boolean active, UUID instrumentId, PageQuery query) {
        String where = """
                 where t.school_id = :school and (cast(:active as boolean) is null or t.active = :active)
                   and (cast(:instrument as uuid) is null or exists (select 1 from teacher_instruments ti
                        where ti.school_id = t.school_id and ti.teacher_id = t.id and ti.instrument_id = :instrument))""";
        var items = jdbc.sql(SELECT + " " + where + " order by " + query.orderBy(SORTABLE, "t.name", "t.id")
                        + " limit :limit offset :offset")
                .param("school", school).param("active", active).param("instrument", instrumentId)
                .param("limit", query.pageSize()).param("offset", query.offset())
                .query(Teachers::teacher).list();
        long total = jdbc.sql("select count(*) from teachers t " + where)
                .param("school", school).param("active", active).param("instrument", instrumentId)
                .query(Long.class).single();
        return query.page(items, total);
    }

    @Transactional(readOnly = true)
    public Teacher get(UUID school, UUID id) {
        return jdbc.sql(SELECT + " where t.school_id = :school and t.id = :id")
                .param("school", school).param("id", id)
                .query(Teachers::teacher).optional().orElseThrow(() -> new NoSuchRecord(KIND, id));
    }

    public Teacher create(UUID school, String actor, TeacherRequest request) {
        check(school, null, request);
        UUID id = jdbc.sql("""
                        insert into teachers (school_id, name, email, bio, pay_per_lesson_cents, active)
                        values (:school, :name, :email, :bio, :pay, :active) returning id""")
                .params(columns(school, request)).query(UUID.class).single();
        teaches(school, id, request.instrumentIds());
        Teacher created = get(school, id);
        audit.created(school, actor, KIND, id, created);
        return created;
    }

    public Teacher replace(UUID school, String actor, UUID id, TeacherRequest request) {
        Teacher before = get(school, id);
        check(school, id, request);
        jdbc.sql("""
                        update teachers set name = :name, email = :email, bio = :bio, pay_per_lesson_cents = :pay,
                                            active = :active, updated_at = now()
                         where school_id = :school and id = :id""")
                .params(columns(school, request)).param("id", id).update();
        teaches(school, id, request.instrumentIds());
        Teacher after = get(school, id);
        audit.updated(school, actor, KIND, id, before, after);
        return after;
    }

    public Teacher patch(UUID school, String actor, UUID id, JsonNode patch) {
        return replace(school, actor, id, patches.apply(get(school, id), patch, TeacherRequest.class));
    }

    /**
     * Refused once the teacher has taught (enrollments or make-up lessons on their slots: the database's foreign keys
     * say so); their unbooked slots go with them, and pupils who preferred them keep no preference (the students'
     * key is {@code on delete set null}).
     */
    public void delete(UUID school, String actor, UUID id) {
        Teacher before = get(school, id);
        try {
            jdbc.sql("delete from timeslots where school_id = :school and teacher_id = :id")
                    .param("school", school).param("id", id).update();
            jdbc.sql("delete from teachers where school_id = :school and id = :id").param("school", school).param("id", id).update();
        } catch (DataIntegrityViolationException taught) {
            throw new StillInUse("The teacher '" + before.name() + "' has enrollments or make-up lessons on their slots; "
                    + "deactivate the teacher instead.");
        }
        audit.deleted(school, actor, KIND, id, before);
    }

    private void check(UUID school, UUID id, TeacherRequest request) {
        String currency = jdbc.sql("select currency from schools where id = :school").param("school", school)
                .query(String.class).single();
        if (!currency.equals(request.payPerLesson().currency())) {
            throw new InvalidField("pay_per_lesson.currency", "must be the school's currency, " + currency);
        }
        long known = jdbc.sql("select count(*) from instruments where school_id = :school and id = any(:ids)")
                .param("school", school).param("ids", request.instrumentIds().toArray(UUID[]::new)).query(Long.class).single();
        if (known != request.instrumentIds().stream().distinct().count()) {
            throw new InvalidField("instrument_ids", "must name instruments of this school");
        }
        boolean emailTaken = jdbc.sql("""
                        select exists (select 1 from teachers where school_id = :school and email = :email
                                          and id is distinct from cast(:id as uuid))""")
                .param("school", school).param("email", request.email().trim()).param("id", id).query(Boolean.class).single();
        if (emailTaken) {
            throw new AlreadyExists("Another teacher of this school has the email " + request.email().trim() + ".");
        }
    }

    private void teaches(UUID school, UUID teacher, List<UUID> instruments) {
        jdbc.sql("delete from teacher_instruments where school_id = :school and teacher_id = :teacher")
                .param("school", school).param("teacher", teacher).update();
        jdbc.sql("""
                        insert into teacher_instruments (school_id, teacher_id, instrument_id)
                        select :school, :teacher, unnest(cast(:ids as uuid[])) on conflict do nothing""")
                .param("school", school).param("teacher", teacher)
                .param("ids", instruments.toArray(UUID[]::new)).update();
    }

    private static Map<String, Object> columns(UUID school, TeacherRequest request) {
        return Map.of("school", school, "name", request.name().trim(), "email", request.email().trim(),
                "bio", request.bio() == null ? "" : request.bio(), "pay", request.payPerLesson().amount(),
                "active", request.active());
    }

    private static Teacher teacher(ResultSet rs, int row) throws SQLException {
        Array ids = rs.getArray("instrument_ids");
        return new Teacher(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email"),
                rs.getString("bio"), Arrays.asList((UUID[]) ids.getArray()),
                Money.of(rs.getLong("pay_per_lesson_cents"), rs.getString("currency")), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
