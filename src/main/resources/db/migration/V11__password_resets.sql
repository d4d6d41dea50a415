-- Forgotten passwords of built-in accounts: a one-time link by email. Only the token's SHA-256 is kept, so the
-- table never holds a usable secret; a token works once and for an hour.
create table password_resets (
    school_id  uuid        not null,
    token_hash text        not null check (length(token_hash) = 64),
    account_id uuid        not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null default now(),
    primary key (school_id, token_hash),
    foreign key (school_id, account_id) references accounts (school_id, id) on delete cascade
);
create index password_resets_account_idx on password_resets (school_id, account_id);

alter table password_resets enable row level security;
alter table password_resets force row level security;
create policy password_resets_of_school on password_resets
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table email_log drop constraint email_log_template_check;
alter table email_log add constraint email_log_template_check check (template in (
    'booking_confirmation', 'provisional_notice', 'no_show_notice', 'make_up_invite', 'make_up_confirmation',
    'admin_alert', 'payment_failed', 'lesson_reminder', 'welcome', 'password_reset'));
