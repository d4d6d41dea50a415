-- Platform: extensions, shared types, the job scheduler's table, dead letters and the audit log.

create extension if not exists btree_gist;  -- uuid/int equality inside exclusion constraints
create extension if not exists citext;      -- emails compare case-insensitively

-- A wall-clock time range, so weekly slots can be tested for overlap by an exclusion constraint.
create type time_range as range (subtype = time);

-- db-scheduler's table (the layout of its postgresql_tables.sql for 16.x).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- A background job that exhausted its retries. school_id is null for jobs that serve no one school.
create table dead_letters (
    id            uuid        primary key default gen_random_uuid(),
    school_id     uuid,
    task_name     text        not null,
    task_instance text        not null,
    payload       text,
    last_error    text        not null,
    attempts      int         not null check (attempts > 0),
    created_at    timestamptz not null default now(),
    retried_at    timestamptz
);
create index dead_letters_school_created_idx on dead_letters (school_id, created_at desc);
