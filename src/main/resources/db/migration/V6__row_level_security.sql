-- Row-level security: the application sees and writes one school's rows per transaction.
-- The school comes from the transaction-local setting app.school_id, set by the application's
-- transaction manager with a bind parameter. Without it, tenant tables show nothing (fail closed).
-- FORCE makes the policies bind the tables' owner too (only superusers and BYPASSRLS roles escape).

create function app_current_school() returns uuid
    language sql stable
    as $$ select nullif(current_setting('app.school_id', true), '')::uuid $$;

grant usage on schema public to "${app_role}";
grant select, insert, update, delete on all tables in schema public to "${app_role}";
alter default privileges in schema public grant select, insert, update, delete on tables to "${app_role}";
-- the application may not rewrite the migration history (unless it is itself the schema owner)
do $$ begin
    if current_user <> '${app_role}' then
        execute 'revoke all on flyway_schema_history from "${app_role}"';
    end if;
end $$;

alter table school_admin_emails enable row level security;
alter table school_admin_emails force row level security;
create policy school_admin_emails_of_school on school_admin_emails
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table instruments enable row level security;
alter table instruments force row level security;
create policy instruments_of_school on instruments
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table teachers enable row level security;
alter table teachers force row level security;
create policy teachers_of_school on teachers
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table teacher_instruments enable row level security;
alter table teacher_instruments force row level security;
create policy teacher_instruments_of_school on teacher_instruments
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table rooms enable row level security;
alter table rooms force row level security;
create policy rooms_of_school on rooms
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table timeslots enable row level security;
alter table timeslots force row level security;
create policy timeslots_of_school on timeslots
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table semesters enable row level security;
alter table semesters force row level security;
create policy semesters_of_school on semesters
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table closures enable row level security;
alter table closures force row level security;
create policy closures_of_school on closures
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table accounts enable row level security;
alter table accounts force row level security;
create policy accounts_of_school on accounts
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table payees enable row level security;
alter table payees force row level security;
create policy payees_of_school on payees
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table students enable row level security;
alter table students force row level security;
create policy students_of_school on students
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table enrollments enable row level security;
alter table enrollments force row level security;
create policy enrollments_of_school on enrollments
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table idempotency_keys enable row level security;
alter table idempotency_keys force row level security;
create policy idempotency_keys_of_school on idempotency_keys
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table attendance enable row level security;
alter table attendance force row level security;
create policy attendance_of_school on attendance
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table makeup_credits enable row level security;
alter table makeup_credits force row level security;
create policy makeup_credits_of_school on makeup_credits
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table payments enable row level security;
alter table payments force row level security;
create policy payments_of_school on payments
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table email_log enable row level security;
alter table email_log force row level security;
create policy email_log_of_school on email_log
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table audit_log enable row level security;
alter table audit_log force row level security;
create policy audit_log_of_school on audit_log
    using (school_id = app_current_school()) with check (school_id = app_current_school());

-- Anyone may find a school (public discovery, sign-in) and create one (school sign-up);
-- only the school itself may change or remove its row.
alter table schools enable row level security;
alter table schools force row level security;
create policy schools_findable on schools for select using (true);
create policy schools_created on schools for insert with check (true);
create policy schools_changed_by_itself on schools for update
    using (id = app_current_school()) with check (id = app_current_school());
create policy schools_removed_by_itself on schools for delete using (id = app_current_school());

-- A failing job may belong to any school and is recorded whatever the thread acts for;
-- each school then sees its own.
alter table dead_letters enable row level security;
alter table dead_letters force row level security;
create policy dead_letters_recorded on dead_letters for insert with check (true);
create policy dead_letters_of_school on dead_letters for select using (school_id = app_current_school());
create policy dead_letters_retried_by_school on dead_letters for update
    using (school_id = app_current_school()) with check (school_id = app_current_school());

-- A webhook event is stored before anyone knows its school; once attributed, only that school sees it.
alter table stripe_events enable row level security;
alter table stripe_events force row level security;
create policy stripe_events_unattributed_or_of_school on stripe_events
    using (school_id is null or school_id = app_current_school())
    with check (school_id is null or school_id = app_current_school());
