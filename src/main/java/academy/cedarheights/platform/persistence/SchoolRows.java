package academy.cedarheights.platform.persistence;

import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whether a school has a row of some kind with some id: the check behind "must be a teacher of this school". */
@Component
public class SchoolRows {

    // table names go into SQL text, so only these can be asked about
    private static final Set<String> TABLES = Set.of("instruments", "teachers", "rooms", "timeslots", "semesters",
            "payees", "students");
    private final JdbcClient jdbc;

    SchoolRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String table, UUID school, UUID id) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("not a school table: " + table);
        }
        String alive = table.equals("students") ? " and deleted_at is null" : "";
        return jdbc.sql("select exists (select 1 from " + table + " where school_id = :school and id = :id" + alive + ")")
                .param("school", school).param("id", id).query(Boolean.class).single();
    }
}
