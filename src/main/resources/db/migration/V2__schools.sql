-- The catalogue of a school: the school itself, its admins, instruments, teachers, rooms,
-- weekly timeslots, semesters and closures.
-- Every business table carries school_id as the first column of its primary key, and every
-- foreign key between business tables includes school_id: a row can never point at another
-- school's row, and the schema can be distributed by school_id without changing a key.

create table schools (
    id                            uuid        primary key default gen_random_uuid(),
    slug                          text        not null unique
        check (slug ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$'),
    name                          text        not null check (length(btrim(name)) between 1 and 200),
    time_zone                     text        not null check (length(time_zone) between 1 and 64),
    currency                      char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    lesson_minutes                int         not null default 30 check (lesson_minutes between 10 and 240),
    provisional_hold_days         int         not null default 14 check (provisional_hold_days between 1 and 90),
    makeup_allowance_per_semester int         not null default 2 check (makeup_allowance_per_semester between 0 and 52),
    monthly_price_cents           bigint      not null check (monthly_price_cents >= 0),
    semester_per_lesson_cents     bigint      not null check (semester_per_lesson_cents >= 0),
    yearly_per_lesson_cents       bigint      not null check (yearly_per_lesson_cents >= 0),
    created_at                    timestamptz not null default now(),
    updated_at                    timestamptz not null default now()
);

create table school_admin_emails (
    school_id  uuid        not null references schools (id) on delete cascade,
    email      citext      not null check (email ~ '^[^@\s]+@[^@\s]+$'),
    created_at timestamptz not null default now(),
    primary key (school_id, email)
);

create table instruments (
    school_id  uuid        not null references schools (id),
    id         uuid        not null default gen_random_uuid(),
    name       citext      not null check (length(btrim(name)) between 1 and 80),
    created_at timestamptz not null default now(),
    primary key (school_id, id),
    unique (school_id, name)
);

create table teachers (
    school_id            uuid        not null references schools (id),
    id                   uuid        not null default gen_random_uuid(),
    name                 text        not null check (length(btrim(name)) between 1 and 200),
    email                citext      not null check (email ~ '^[^@\s]+@[^@\s]+$'),
    bio                  text        not null default '' check (length(bio) <= 4000),
    pay_per_lesson_cents bigint      not null default 0 check (pay_per_lesson_cents >= 0),
    active               boolean     not null default true,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    primary key (school_id, id),
    unique (school_id, email)
);

create table teacher_instruments (
    school_id     uuid not null,
    teacher_id    uuid not null,
    instrument_id uuid not null,
    primary key (school_id, teacher_id, instrument_id),
    foreign key (school_id, teacher_id) references teachers (school_id, id) on delete cascade,
    foreign key (school_id, instrument_id) references instruments (school_id, id)
);

create table rooms (
    school_id  uuid        not null references schools (id),
    id         uuid        not null default gen_random_uuid(),
    name       citext      not null check (length(btrim(name)) between 1 and 80),
    active     boolean     not null default true,
    created_at timestamptz not null default now(),
    primary key (school_id, id),
    unique (school_id, name)
);

create table timeslots (
    school_id  uuid        not null,
    id         uuid        not null default gen_random_uuid(),
    teacher_id uuid        not null,
    weekday    smallint    not null check (weekday between 1 and 7),  -- ISO: 1 = Monday
    start_time time        not null,
    end_time   time        not null,
    room_id    uuid,
    active     boolean     not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (school_id, id),
    foreign key (school_id, teacher_id) references teachers (school_id, id),
    foreign key (school_id, room_id) references rooms (school_id, id),
    check (end_time > start_time),
    unique (school_id, teacher_id, weekday, start_time),
    -- a teacher teaches one lesson at a time, and a room holds one lesson at a time
    constraint timeslots_teacher_no_overlap exclude using gist (
        school_id with =, teacher_id with =, weekday with =, time_range(start_time, end_time) with &&
    ) where (active),
    constraint timeslots_room_no_overlap exclude using gist (
        school_id with =, room_id with =, weekday with =, time_range(start_time, end_time) with &&
    ) where (active and room_id is not null)
);
create index timeslots_school_weekday_idx on timeslots (school_id, weekday, start_time);

create table semesters (
    school_id  uuid        not null references schools (id),
    id         uuid        not null default gen_random_uuid(),
    name       text        not null check (length(btrim(name)) between 1 and 100),
    start_date date        not null,
    end_date   date        not null,
    created_at timestamptz not null default now(),
    primary key (school_id, id),
    check (end_date >= start_date),
    constraint semesters_no_overlap exclude using gist (
        school_id with =, daterange(start_date, end_date, '[]') with &&
    )
);

create table closures (
    school_id   uuid        not null,
    id          uuid        not null default gen_random_uuid(),
    semester_id uuid        not null,
    start_date  date        not null,
    end_date    date        not null,
    reason      text        not null default '' check (length(reason) <= 500),
    created_at  timestamptz not null default now(),
    primary key (school_id, id),
    foreign key (school_id, semester_id) references semesters (school_id, id) on delete cascade,
    check (end_date >= start_date)
);
