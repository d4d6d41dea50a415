-- Billing: every Stripe webhook event, unique by Stripe's id. The school is found from the event's
-- objects while processing, so it may be unknown when the event is stored.
create table stripe_events (
    id           text        primary key,  -- Stripe's event id (evt_…)
    school_id    uuid        references schools (id),
    type         text        not null,
    payload      jsonb       not null,
    status       text        not null default 'received'
        check (status in ('received', 'processed', 'ignored', 'failed')),
    error        text,
    received_at  timestamptz not null default now(),
    processed_at timestamptz
);

create table payments (
    school_id       uuid        not null,
    id              uuid        not null default gen_random_uuid(),
    payee_id        uuid        not null,
    stripe_invoice_id text      not null,
    stripe_event_id text        references stripe_events (id),
    amount_cents    bigint      not null check (amount_cents >= 0),
    currency        char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    status          text        not null check (status in ('paid', 'failed')),
    occurred_at     timestamptz not null,
    primary key (school_id, id),
    foreign key (school_id, payee_id) references payees (school_id, id),
    unique (school_id, stripe_invoice_id, status)
);
create index payments_recent_idx on payments (school_id, occurred_at desc);

-- Notifications: every email, from queued to sent or failed.
create table email_log (
    school_id           uuid        not null references schools (id),
    id                  uuid        not null default gen_random_uuid(),
    recipient           citext      not null,
    template            text        not null check (template in (
        'booking_confirmation', 'provisional_notice', 'no_show_notice', 'make_up_invite',
        'make_up_confirmation', 'admin_alert', 'payment_failed', 'lesson_reminder', 'welcome')),
    subject             text,
    status              text        not null default 'queued' check (status in ('queued', 'sent', 'failed')),
    provider            text,
    provider_message_id text,
    error               text,
    attempts            int         not null default 0 check (attempts >= 0),
    created_at          timestamptz not null default now(),
    sent_at             timestamptz,
    primary key (school_id, id)
);
create index email_log_recipient_idx on email_log (school_id, recipient, created_at desc);

-- Operations: who changed what, when.
create table audit_log (
    school_id   uuid        not null references schools (id),
    id          uuid        not null default gen_random_uuid(),
    actor       text        not null,
    action      text        not null,
    entity_type text        not null,
    entity_id   text,
    summary     jsonb       not null default '{}'::jsonb,
    occurred_at timestamptz not null default now(),
    primary key (school_id, id)
);
create index audit_log_recent_idx on audit_log (school_id, occurred_at desc);

alter table dead_letters add foreign key (school_id) references schools (id);
