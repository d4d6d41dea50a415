package academy.cedarheights.schools;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a school offers, as the public sees it: instruments and active teachers. */
@Service
@Transactional(readOnly = true)
public class Catalogue {

    private final JdbcClient jdbc;

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<InstrumentView> instruments(UUID schoolId) {
        return jdbc.sql("select id, name from instruments where school_id = :school order by name")
                .param("school", schoolId)
                .query(InstrumentView.class)
                .list();
    }

    /** Active teachers, optionally only those teaching one instrument; two queries whatever the count. */
    public List<TeacherProfile> activeTeachers(UUID schoolId, UUID instrumentId) {
        List<TeacherRow> teachers = jdbc.sql("""
                        select t.id, t.name, t.bio from teachers t
                         where t.school_id = :school and t.active
                           and (cast(:instrument as uuid) is null or exists (
                                select 1 from teacher_instruments ti
                                 where ti.school_id = t.school_id and ti.teacher_id = t.id
                                   and ti.instrument_id = :instrument))
                         order by t.name""")
                .param("school", schoolId)
                .param("instrument", instrumentId)
                .query(TeacherRow.class)
                .list();
        Map<UUID, List<InstrumentView>> taught = instrumentsTaught(schoolId);
        return teachers.stream()
                .map(t -> new TeacherProfile(t.id(), t.name(), t.bio(), taught.getOrDefault(t.id(), List.of())))
                .toList();
    }

    /** Whether an active teacher of the school signs in with this email (which makes them a teacher there). */
    public boolean isActiveTeacher(UUID schoolId, String email) {
        return jdbc.sql("select exists (select 1 from teachers where school_id = :school and email = :email and active)")
                .param("school", schoolId)
                .param("email", email)
                .query(Boolean.class)
                .single();
    }

    /** The active teacher who signs in with this email, if any. */
    public java.util.Optional<UUID> activeTeacherId(UUID schoolId, String email) {
        return jdbc.sql("select id from teachers where school_id = :school and email = :email and active")
                .param("school", schoolId).param("email", email).query(UUID.class).optional();
    }

    /** The instruments one teacher teaches, by name. */
    public List<InstrumentView> instrumentsTaughtBy(UUID schoolId, UUID teacherId) {
        return jdbc.sql("""
                        select i.id, i.name from teacher_instruments ti
                          join instruments i on i.school_id = ti.school_id and i.id = ti.instrument_id
                         where ti.school_id = :school and ti.teacher_id = :teacher order by i.name""")
                .param("school", schoolId).param("teacher", teacherId).query(InstrumentView.class).list();
    }

    private Map<UUID, List<InstrumentView>> instrumentsTaught(UUID schoolId) {
        return jdbc.sql("""
                        select ti.teacher_id, i.id, i.name from teacher_instruments ti
                          join instruments i on i.school_id = ti.school_id and i.id = ti.instrument_id
                         where ti.school_id = :school order by i.name""")
                .param("school", schoolId)
                .query((rs, row) -> Map.entry(rs.getObject("teacher_id", UUID.class),
                        new InstrumentView(rs.getObject("id", UUID.class), rs.getString("name"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private record TeacherRow(UUID id, String name, String bio) {
    }
}
