-- Stripe webhooks arrive without a school: this routing table (ids only, no personal data, no
-- row-level security) says which school a Stripe customer belongs to.
create table stripe_customers (
    customer_id text        primary key,
    school_id   uuid        not null references schools (id),
    payee_id    uuid        not null,
    created_at  timestamptz not null default now(),
    foreign key (school_id, payee_id) references payees (school_id, id)
);

-- Events arrive out of order: a subscription's state is only moved by an event newer than the last applied.
alter table enrollments add column stripe_status_at timestamptz;
create index enrollments_subscription_idx on enrollments (stripe_subscription_id) where stripe_subscription_id is not null;
create index enrollments_invoice_idx on enrollments (stripe_invoice_id) where stripe_invoice_id is not null;
alter table stripe_events add column created_at timestamptz;
