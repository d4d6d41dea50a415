-- Notifications: the email log keeps what was rendered (the outbox shows it), schools brand their emails,
-- parents choose their reminders, each lesson is reminded once, and text messages have a log of their own.

alter table schools
    add column brand_color   text   not null default '#2f5d50' check (brand_color ~ '^#[0-9a-fA-F]{6}$'),
    add column contact_email citext check (contact_email ~ '^[^@\s]+@[^@\s]+$');

alter table email_log
    add column model     jsonb not null default '{}'::jsonb,  -- what the template is rendered with
    add column body_text text,
    add column body_html text;
create index email_log_status_idx on email_log (school_id, status, created_at desc);

-- CASL: reminders are not receipts, so a parent may switch them off (by email and by text separately).
alter table payees add column reminder_emails boolean not null default true;

-- One reminder per lesson, whatever the number of instances or restarts: the insert is the claim.
create table lesson_reminders (
    school_id     uuid        not null,
    enrollment_id uuid        not null,
    lesson_date   date        not null,
    sent_at       timestamptz not null default now(),
    primary key (school_id, enrollment_id, lesson_date),
    foreign key (school_id, enrollment_id) references enrollments (school_id, id)
);

create table text_messages (
    school_id           uuid        not null references schools (id),
    id                  uuid        not null default gen_random_uuid(),
    recipient           text        not null,
    body                text        not null check (length(body) <= 1600),
    status              text        not null default 'queued' check (status in ('queued', 'sent', 'failed')),
    provider            text,
    provider_message_id text,
    error               text,
    attempts            int         not null default 0,
    created_at          timestamptz not null default now(),
    sent_at             timestamptz,
    primary key (school_id, id)
);

alter table lesson_reminders enable row level security;
alter table lesson_reminders force row level security;
create policy lesson_reminders_of_school on lesson_reminders
    using (school_id = app_current_school()) with check (school_id = app_current_school());
alter table text_messages enable row level security;
alter table text_messages force row level security;
create policy text_messages_of_school on text_messages
    using (school_id = app_current_school()) with check (school_id = app_current_school());
