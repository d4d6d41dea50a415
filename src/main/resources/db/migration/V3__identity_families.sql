-- Identity: built-in accounts (schools without a Supabase project sign in with these).
create table accounts (
    school_id     uuid        not null references schools (id),
    id            uuid        not null default gen_random_uuid(),
    email         citext      not null check (email ~ '^[^@\s]+@[^@\s]+$'),
    password_hash text        not null,
    created_at    timestamptz not null default now(),
    primary key (school_id, id),
    unique (school_id, email)
);

-- Families: the payee (the person who pays; the Stripe customer) and their children.
create table payees (
    school_id                 uuid        not null references schools (id),
    id                        uuid        not null default gen_random_uuid(),
    name                      text        not null check (length(btrim(name)) between 1 and 200),
    email                     citext      not null check (email ~ '^[^@\s]+@[^@\s]+$'),
    phone                     text        check (phone ~ '^\+?[0-9 ()-]{7,20}$'),
    status                    text        not null default 'active' check (status in ('active', 'inactive')),
    identity_subject          text,       -- the sign-in identity (Supabase user id or built-in account id)
    sms_opt_out               boolean     not null default false,
    stripe_customer_id        text,
    default_payment_method_id text,
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now(),
    primary key (school_id, id),
    unique (school_id, email),
    unique (school_id, identity_subject)
);

create table students (
    school_id                  uuid        not null,
    id                         uuid        not null default gen_random_uuid(),
    payee_id                   uuid        not null,
    name                       text        not null check (length(btrim(name)) between 1 and 200),
    birth_date                 date        not null,
    instrument_id              uuid        not null,
    teacher_pref_id            uuid,
    consent_policy_accepted_at timestamptz not null,  -- consent to the school's policy is required
    deleted_at                 timestamptz,           -- soft delete: attendance history keeps pointing here
    created_at                 timestamptz not null default now(),
    updated_at                 timestamptz not null default now(),
    primary key (school_id, id),
    foreign key (school_id, payee_id) references payees (school_id, id),
    foreign key (school_id, instrument_id) references instruments (school_id, id),
    foreign key (school_id, teacher_pref_id) references teachers (school_id, id)
);
create index students_payee_idx on students (school_id, payee_id);
