package academy.cedarheights.operations;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import academy.cedarheights.lessons.Lesson;
import academy.cedarheights.lessons.Lessons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school's week at a glance: each day's lessons (weekly and make-up, with how they went), the holds still waiting
 * for their billing, and the slots nobody holds — or why there are no lessons that day (a closure, no term).
 */
@Service
@Transactional(readOnly = true)
public class WeekCalendar {

    private final Lessons lessons;
    private final JdbcClient jdbc;

    WeekCalendar(Lessons lessons, JdbcClient jdbc) {
        this.lessons = lessons;
        this.jdbc = jdbc;
    }

    /** What a lesson or a slot is that day, as the calendar shows it. */
    public enum State {
        BOOKED, PRESENT, ABSENT, NO_SHOW, CANCELLED, MAKE_UP, PROVISIONAL, FREE;

        public String label() {
            return switch (this) {
                case BOOKED -> "booked";
                case PRESENT -> "present";
                case ABSENT -> "absent";
                case NO_SHOW -> "no-show";
                case CANCELLED -> "cancelled by the school";
                case MAKE_UP -> "make-up";
                case PROVISIONAL -> "provisional";
                case FREE -> "free";
            };
        }

        static State of(Lesson lesson) {
            if (lesson.attendance() != null) {
                return switch (lesson.attendance()) {
                    case "present" -> PRESENT;
                    case "absent" -> ABSENT;
                    case "no_show" -> NO_SHOW;
                    default -> CANCELLED;
                };
            }
            return lesson.makeupId() != null ? MAKE_UP : BOOKED;
        }
    }

    /**
     * One entry of a day: a lesson (its enrollment, or its make-up), a provisional hold, or a free slot
     * ({@code timeslotId} set, to assign it).
     */
    public record Entry(LocalTime start, LocalTime end, UUID teacherId, String teacher, String room, String student,
                        State state, UUID enrollmentId, UUID makeupId, UUID timeslotId) {
    }

    /**
     * A day: its entries by time, or why it has no lessons ({@code closed}: a closure's reason; or outside any term).
     * Free slots are entries when the week is narrowed to a teacher or a room; for the whole school (sixty teachers'
     * afternoons) the day says only how many there are.
     */
    public record Day(LocalDate date, boolean lessonDay, String closed, List<Entry> entries, int freeSlots) {
    }

    public record Week(LocalDate monday, List<Day> days) {
    }

    /** The week of {@code anyDay}, Monday first; {@code teacher} and {@code room} narrow it when given. */
    public Week of(UUID school, LocalDate anyDay, UUID teacher, UUID room) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Slot> slots = freeSlots(school, teacher, room);
        Map<LocalDate, DayFacts> facts = facts(school, monday);
        List<Hold> holds = provisionalHolds(school, teacher, room);
        boolean showFree = teacher != null || room != null;
        Map<LocalDate, List<Lesson>> lessonsOf = lessons.between(school, monday, monday.plusDays(6), teacher).stream()
                .collect(Collectors.groupingBy(Lesson::date));
        String roomName = room == null ? null : jdbc.sql("select name from rooms where school_id = :school and id = :room")
                .param("school", school).param("room", room).query(String.class).optional().orElse("");
        List<Day> days = new ArrayList<>();
        for (int offset = 0; offset < 7; offset++) {
            LocalDate day = monday.plusDays(offset);
            DayFacts fact = facts.get(day);
            days.add(fact.lessonDay()
                    ? day(day, lessonsOf.getOrDefault(day, List.of()), roomName, holds, slots, showFree)
                    : new Day(day, false, fact.closure(), List.of(), 0));
        }
        return new Week(monday, days);
    }

    /** A lesson day: its lessons (in the room, if one is asked for), the holds waiting, and the slots nobody holds. */
    private static Day day(LocalDate day, List<Lesson> lessons, String roomName, List<Hold> holds, List<Slot> slots,
                           boolean showFree) {
        int weekday = day.getDayOfWeek().getValue();
        List<Entry> entries = new ArrayList<>();
        for (Lesson lesson : lessons) {
            if (roomName == null || roomName.equals(lesson.room())) {
                entries.add(new Entry(lesson.startTime(), lesson.endTime(), lesson.teacherId(), lesson.teacherName(),
                        lesson.room(), lesson.studentName(), State.of(lesson), lesson.enrollmentId(), lesson.makeupId(),
                        null));
            }
        }
        for (Hold hold : holds) {
            if (hold.weekday() == weekday && !day.isBefore(hold.startDate())) {
                entries.add(new Entry(hold.start(), hold.end(), hold.teacherId(), hold.teacher(), hold.room(),
                        hold.student(), State.PROVISIONAL, hold.enrollmentId(), null, hold.timeslotId()));
            }
        }
        Set<At> taken = entries.stream().map(entry -> new At(entry.teacherId(), entry.start())).collect(Collectors.toSet());
        List<Slot> free = slots.stream().filter(slot -> slot.weekday() == weekday
                && !taken.contains(new At(slot.teacherId(), slot.start()))).toList();
        if (showFree) {
            free.forEach(slot -> entries.add(new Entry(slot.start(), slot.end(), slot.teacherId(), slot.teacher(),
                    slot.room(), null, State.FREE, null, null, slot.id())));
        }
        entries.sort(Comparator.comparing(Entry::start).thenComparing(Entry::teacher));
        return new Day(day, true, null, entries, free.size());
    }

    private record Slot(UUID id, int weekday, UUID teacherId, LocalTime start, LocalTime end, String teacher,
                        String room) {
    }

    /** A teacher at a time: a free slot is not free the day a lesson (a make-up, a moved pupil's last) is in it. */
    private record At(UUID teacher, LocalTime start) {
    }

    private record Hold(UUID enrollmentId, UUID timeslotId, int weekday, LocalTime start, LocalTime end,
                        UUID teacherId, String teacher, String room, String student, LocalDate startDate) {
    }

    private record DayFacts(LocalDate day, boolean lessonDay, String closure) {
    }

    /** The active slots of active teachers that nobody holds (a pupil, a hold, a waitlist offer). */
    private List<Slot> freeSlots(UUID school, UUID teacher, UUID room) {
        return jdbc.sql("""
                        select t.id, t.weekday, t.teacher_id, t.start_time, t.end_time, te.name, r.name
                          from timeslots t
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                          left join rooms r on r.school_id = t.school_id and r.id = t.room_id
                         where t.school_id = :school and t.active and te.active
                           and not exists (select 1 from held_timeslots h
                                            where h.school_id = t.school_id and h.timeslot_id = t.id)
                        """ + narrowed(teacher, room))
                .param("school", school).param("teacher", teacher).param("room", room)
                // two thousand rows for the whole school: read by position, not matched by label
                .query((rs, row) -> new Slot(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, LocalTime.class), rs.getObject(5, LocalTime.class), rs.getString(6),
                        rs.getString(7))).list();
    }

    /**
     * The filters asked for, written only when asked: an optional one ({@code :teacher is null or …}) leaves
     * PostgreSQL's cached generic plan guessing one slot, and it then looped over every holder for each of 2,400 slots.
     */
    private static String narrowed(UUID teacher, UUID room) {
        return (teacher == null ? "" : " and t.teacher_id = :teacher") + (room == null ? "" : " and t.room_id = :room");
    }

    private List<Hold> provisionalHolds(UUID school, UUID teacher, UUID room) {
        return jdbc.sql("""
                        select e.id as enrollment_id, t.id as timeslot_id, t.weekday, t.start_time as start,
                               t.end_time as "end", te.id as teacher_id, te.name as teacher, r.name as room, st.name as student, e.start_date
                          from enrollments e
                          join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                          join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
                          left join rooms r on r.school_id = t.school_id and r.id = t.room_id
                          join students st on st.school_id = e.school_id and st.id = e.student_id
                         where e.school_id = :school and e.status = 'provisional'""" + narrowed(teacher, room))
                .param("school", school).param("teacher", teacher).param("room", room).query(Hold.class).list();
    }

    /** Each day of the week: whether it is a lesson day (in a term, not closed), and the closure's reason if closed. */
    private Map<LocalDate, DayFacts> facts(UUID school, LocalDate monday) {
        return jdbc.sql("""
                        select d.day, is_lesson_day(:school, extract(isodow from d.day)::int, d.day) as lesson_day,
                               (select coalesce(nullif(c.reason, ''), 'Closed') from closures c
                                 where c.school_id = :school and d.day between c.start_date and c.end_date
                                 order by c.start_date limit 1) as closure
                          from (select cast(generate_series(cast(:monday as date), cast(:monday as date) + 6,
                                                            interval '1 day') as date) as day) d""")
                .param("school", school).param("monday", monday).query(DayFacts.class).list().stream()
                .collect(Collectors.toMap(DayFacts::day, facts -> facts));
    }
}
