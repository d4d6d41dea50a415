-- Trust: an address earns a role only once its owner proved it; sessions can be ended; a few limits.

-- A built-in account's address is proven by a verification link, an invitation or a password reset. Accounts made
-- before this edition are not taken as proven: their owners verify once (fail closed; the demo marks its own).
alter table accounts add column email_verified_at timestamptz;

-- Password resets and address verifications are the same thing: a one-time link to an account, kept as a hash.
alter table password_resets rename to account_links;
alter policy password_resets_of_school on account_links rename to account_links_of_school;
alter index password_resets_account_idx rename to account_links_account_idx;
alter table account_links add column purpose text not null default 'password_reset'
    check (purpose in ('password_reset', 'verify_email'));
alter table account_links alter column purpose drop default;

-- Invitations of teachers and co-admins: a one-time link (hashed) that sets a password and signs in with the role.
create table invitations (
    school_id   uuid        not null references schools (id),
    id          uuid        not null default gen_random_uuid(),
    email       citext      not null check (length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+$'),
    role        text        not null check (role in ('teacher', 'admin')),
    token_hash  text        not null check (length(token_hash) = 64),
    invited_by  text        not null,
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz not null default now(),
    primary key (school_id, id),
    unique (school_id, token_hash),
    check (accepted_at is null or revoked_at is null)
);
-- one open invitation per address: inviting again replaces the link (the old one is revoked first)
create unique index invitations_one_open_idx on invitations (school_id, email)
    where accepted_at is null and revoked_at is null;
alter table invitations enable row level security;
alter table invitations force row level security;
create policy invitations_of_school on invitations
    using (school_id = app_current_school()) with check (school_id = app_current_school());

-- Sessions. Every token names its identity's generation; "sign out everywhere", a password reset or a removed
-- account moves it on, and older tokens are refused. A single session (a page sign-out) is revoked by its id.
-- These are read while a request's token is checked, before its school is chosen, so, like the rate-limit
-- counters, they are not tenant tables: they hold only opaque ids, a counter and instants.
-- Each instance keeps both in memory and reads what changed every few seconds (the indexes on the instants).
create table session_generations (
    school_slug        text        not null,
    subject            text        not null,
    generation         int         not null check (generation > 0),
    tokens_valid_after timestamptz not null,
    primary key (school_slug, subject)
);
create index session_generations_changed_idx on session_generations (tokens_valid_after);

create table revoked_sessions (
    session_id uuid        primary key,
    revoked_at timestamptz not null default now(),
    expires_at timestamptz not null   -- no token of the session outlives it; the row may go then
);
create index revoked_sessions_revoked_idx on revoked_sessions (revoked_at);
create index revoked_sessions_expiry_idx on revoked_sessions (expires_at);

-- A family may hold only a few slots provisionally while it has no card (a stranger cannot empty a timetable).
alter table schools add column max_holds_without_card int not null default 3
    check (max_holds_without_card between 1 and 50);

alter table email_log drop constraint email_log_template_check;
alter table email_log add constraint email_log_template_check check (template in (
    'booking_confirmation', 'provisional_notice', 'no_show_notice', 'make_up_invite', 'make_up_confirmation',
    'admin_alert', 'payment_failed', 'lesson_reminder', 'welcome', 'password_reset', 'verify_email', 'invitation'));
