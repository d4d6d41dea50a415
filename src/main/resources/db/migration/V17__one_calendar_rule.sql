-- Schools: one encoding of "is this date a lesson day of a weekly slot": the slot's weekday, inside a semester,
-- outside every closure. Every query that needs the rule calls this, and LessonCalendarRuleTest holds it equal to
-- LessonCalendar (the same rule in Java) over the same calendars. A plain SQL function the planner inlines; it runs
-- with its caller's rights, so row-level security applies to the calendar it reads.
create function is_lesson_day(school uuid, weekday int, day date) returns boolean
    language sql stable
as $$
    select extract(isodow from day) = weekday
       and exists (select 1 from semesters m where m.school_id = school and day between m.start_date and m.end_date)
       and not exists (select 1 from closures c where c.school_id = school and day between c.start_date and c.end_date)
$$;
