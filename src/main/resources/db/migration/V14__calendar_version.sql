-- A school's calendar (its semesters and closures) carries a version, bumped by every change to them, so that
-- a booking, which reads the school's row anyway, can tell whether the calendar it remembers is still the one.
alter table schools add column calendar_version bigint not null default 0;

create function bump_calendar_version() returns trigger
    language plpgsql
    as $$
begin
    update schools set calendar_version = calendar_version + 1 where id = coalesce(new.school_id, old.school_id);
    return null;
end $$;

create trigger semesters_change_the_calendar after insert or update or delete on semesters
    for each row execute function bump_calendar_version();
create trigger closures_change_the_calendar after insert or update or delete on closures
    for each row execute function bump_calendar_version();
