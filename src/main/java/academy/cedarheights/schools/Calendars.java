package academy.cedarheights.schools;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A school's lesson calendar, read from its semesters and closures in one query. */
@Service
@Transactional(readOnly = true)
public class Calendars {

    private final JdbcClient jdbc;

    Calendars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LessonCalendar of(UUID school) {
        // one round trip, as every booking and price quote reads the calendar
        Map<Boolean, List<LessonCalendar.Period>> periods = jdbc.sql("""
                        select true as semester, start_date, end_date from semesters where school_id = :school
                        union all
                        select false, start_date, end_date from closures where school_id = :school
                         order by start_date""")
                .param("school", school)
                .query((rs, row) -> new Dated(rs.getBoolean(1),
                        new LessonCalendar.Period(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class))))
                .stream().collect(Collectors.partitioningBy(Dated::semester,
                        Collectors.mapping(Dated::period, Collectors.toList())));
        return new LessonCalendar(periods.get(true), periods.get(false));
    }

    private record Dated(boolean semester, LessonCalendar.Period period) {
    }
}
