package academy.cedarheights.schools;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's lesson calendar, read from its semesters and closures in one query, or remembered by the version
 * the school's row carries (every change to its semesters or closures bumps it, in the database).
 */
@Service
@Transactional(readOnly = true)
public class Calendars {

    /** Enough for every school of a large deployment; beyond it the memory starts again rather than grow. */
    private static final int REMEMBERED_SCHOOLS = 1_000;
    private final JdbcClient jdbc;
    private final Map<UUID, Versioned> remembered = new ConcurrentHashMap<>();

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

    /**
     * The calendar at {@code version} (from {@code schools.calendar_version}, read in the caller's transaction): the
     * one remembered if it is that version, else read and remembered. Any instance sees a change by the version.
     */
    public LessonCalendar of(UUID school, long version) {
        Versioned known = remembered.get(school);
        if (known != null && known.version() == version) {
            return known.calendar();
        }
        LessonCalendar calendar = of(school);
        if (remembered.size() >= REMEMBERED_SCHOOLS) {
            remembered.clear();
        }
        remembered.merge(school, new Versioned(version, calendar),
                (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        return calendar;
    }

    private record Versioned(long version, LessonCalendar calendar) {
    }

    private record Dated(boolean semester, LessonCalendar.Period period) {
    }
}
