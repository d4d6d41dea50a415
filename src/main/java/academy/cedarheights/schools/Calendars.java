package academy.cedarheights.schools;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A school's lesson calendar, read from its semesters and closures in two queries. */
@Service
@Transactional(readOnly = true)
public class Calendars {

    private final JdbcClient jdbc;

    Calendars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LessonCalendar of(UUID school) {
        var semesters = jdbc.sql("select start_date as start, end_date as \"end\" from semesters where school_id = :school order by start_date")
                .param("school", school).query(LessonCalendar.Period.class).list();
        var closures = jdbc.sql("select start_date as start, end_date as \"end\" from closures where school_id = :school order by start_date")
                .param("school", school).query(LessonCalendar.Period.class).list();
        return new LessonCalendar(semesters, closures);
    }
}
