-- Booking: a student holding a timeslot weekly from a start date.
create table enrollments (
    school_id              uuid        not null,
    id                     uuid        not null default gen_random_uuid(),
    tracking_id            uuid        not null default gen_random_uuid() unique,
    student_id             uuid        not null,
    timeslot_id            uuid        not null,
    billing_plan           text        not null check (billing_plan in ('monthly', 'semester', 'yearly')),
    status                 text        not null check (status in ('provisional', 'active', 'cancelled', 'expired')),
    start_date             date        not null,
    provisional_expires_at timestamptz,
    failure_reason         text,
    stripe_subscription_id text,
    stripe_invoice_id      text,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    activated_at           timestamptz,
    ended_at               timestamptz,
    primary key (school_id, id),
    foreign key (school_id, student_id) references students (school_id, id),
    foreign key (school_id, timeslot_id) references timeslots (school_id, id),
    check (status <> 'provisional' or provisional_expires_at is not null)
);
-- One weekly holder per slot and one weekly slot per student: the database is the arbiter.
create unique index enrollments_one_holder_per_timeslot
    on enrollments (school_id, timeslot_id) where status in ('provisional', 'active');
create unique index enrollments_one_slot_per_student
    on enrollments (school_id, student_id) where status in ('provisional', 'active');
create index enrollments_provisional_expiry_idx
    on enrollments (provisional_expires_at) where status = 'provisional';

-- A stored answer to a POST carrying an Idempotency-Key, so a retry gets the first answer.
create table idempotency_keys (
    school_id       uuid        not null references schools (id),
    actor           text        not null,
    key             text        not null check (length(key) between 1 and 255),
    request_hash    text        not null,
    response_status int         not null,
    response_body   jsonb       not null,
    created_at      timestamptz not null default now(),
    primary key (school_id, actor, key)
);

-- Lessons are derived from enrollments; what is stored per lesson is its attendance.
create table attendance (
    school_id   uuid        not null,
    enrollment_id uuid      not null,
    lesson_date date        not null,
    status      text        not null check (status in ('present', 'absent', 'no_show', 'cancelled_by_school')),
    notes       text        not null default '' check (length(notes) <= 2000),
    marked_by   text        not null,
    marked_at   timestamptz not null default now(),
    reported_at timestamptz,  -- when an absence was reported in advance
    primary key (school_id, enrollment_id, lesson_date),
    foreign key (school_id, enrollment_id) references enrollments (school_id, id)
);

create table makeup_credits (
    school_id          uuid        not null,
    id                 uuid        not null default gen_random_uuid(),
    student_id         uuid        not null,
    enrollment_id      uuid        not null,
    semester_id        uuid        not null,
    source_lesson_date date        not null,
    status             text        not null check (status in ('available', 'booked', 'used', 'expired', 'revoked')),
    expires_on         date        not null,
    booked_timeslot_id uuid,
    booked_date        date,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    primary key (school_id, id),
    foreign key (school_id, student_id) references students (school_id, id),
    foreign key (school_id, enrollment_id) references enrollments (school_id, id),
    foreign key (school_id, semester_id) references semesters (school_id, id),
    foreign key (school_id, booked_timeslot_id) references timeslots (school_id, id),
    -- one credit per missed lesson
    unique (school_id, enrollment_id, source_lesson_date),
    check ((status in ('booked', 'used')) = (booked_timeslot_id is not null and booked_date is not null))
);
-- A one-off make-up lesson can be booked once.
create unique index makeup_credits_one_booking_per_lesson
    on makeup_credits (school_id, booked_timeslot_id, booked_date) where status in ('booked', 'used');
