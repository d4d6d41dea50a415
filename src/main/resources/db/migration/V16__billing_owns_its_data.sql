-- Billing owns its data: a family's Stripe customer and default payment method, and the order of a subscription's
-- events, move out of the families' and booking's tables into billing's own. The data moves first; nothing is lost.

create table billing_customers (
    school_id              uuid        not null,
    payee_id               uuid        not null,
    customer_id            text,
    default_payment_method text,
    updated_at             timestamptz not null default now(),
    primary key (school_id, payee_id),
    unique (school_id, customer_id),
    foreign key (school_id, payee_id) references payees (school_id, id)
);
insert into billing_customers (school_id, payee_id, customer_id, default_payment_method)
select school_id, id, stripe_customer_id, default_payment_method_id from payees
 where stripe_customer_id is not null or default_payment_method_id is not null;

alter table billing_customers enable row level security;
alter table billing_customers force row level security;
create policy billing_customers_of_school on billing_customers
    using (school_id = app_current_school()) with check (school_id = app_current_school());

-- Subscription events arrive out of order: one is applied only when newer than the last applied to its subscription.
create table subscription_events_applied (
    school_id       uuid        not null references schools (id),
    subscription_id text        not null,
    last_event_at   timestamptz not null,
    primary key (school_id, subscription_id)
);
insert into subscription_events_applied (school_id, subscription_id, last_event_at)
select school_id, stripe_subscription_id, max(stripe_status_at) from enrollments
 where stripe_subscription_id is not null and stripe_status_at is not null
 group by school_id, stripe_subscription_id;

alter table subscription_events_applied enable row level security;
alter table subscription_events_applied force row level security;
create policy subscription_events_applied_of_school on subscription_events_applied
    using (school_id = app_current_school()) with check (school_id = app_current_school());

-- What billing publishes for the other modules to read: whether a family has a payment method on file. A view that
-- runs with its reader's rights, so row-level security applies through it.
create view family_payment_methods with (security_invoker = true) as
select school_id, payee_id, default_payment_method is not null as has_payment_method from billing_customers;

drop index payees_stripe_customer;
alter table payees drop column stripe_customer_id, drop column default_payment_method_id;
alter table enrollments drop column stripe_status_at;

-- Booking publishes what the catalogue may know of it: which enrollments hold their slot now. One definition of
-- "held" for every query that needs it.
create view current_enrollments with (security_invoker = true) as
select school_id, id, student_id, timeslot_id, status, billing_plan, start_date
  from enrollments where status in ('provisional', 'active');

-- A deleted teacher leaves their former pupils without a preference, by the database's own rule (the catalogue no
-- longer writes the families' table for it).
alter table students drop constraint students_school_id_teacher_pref_id_fkey;
alter table students add constraint students_teacher_pref_fkey foreign key (school_id, teacher_pref_id)
    references teachers (school_id, id) on delete set null (teacher_pref_id);

-- A charge made for a hold that was cancelled, expired or activated by hand while the charge was being made: kept
-- until it is undone (the subscription cancelled, the invoice refunded), so a failed undo is retried, not forgotten.
create table orphan_charges (
    school_id       uuid        not null references schools (id),
    enrollment_id   uuid        not null,
    subscription_id text,
    invoice_id      text,
    found_at        timestamptz not null default now(),
    undone_at       timestamptz,
    primary key (school_id, enrollment_id),
    check (subscription_id is not null or invoice_id is not null)
);
alter table orphan_charges enable row level security;
alter table orphan_charges force row level security;
create policy orphan_charges_of_school on orphan_charges
    using (school_id = app_current_school()) with check (school_id = app_current_school());

-- Billing runs of a hold: a run that is not the first looks for what an earlier one may have made at the provider
-- (its answer lost) before making anything, since the provider's idempotency keys last only a day.
create table billing_runs (
    school_id        uuid        not null references schools (id),
    enrollment_id    uuid        not null,
    first_started_at timestamptz not null default now(),
    runs             int         not null default 1 check (runs > 0),
    primary key (school_id, enrollment_id)
);
alter table billing_runs enable row level security;
alter table billing_runs force row level security;
create policy billing_runs_of_school on billing_runs
    using (school_id = app_current_school()) with check (school_id = app_current_school());

-- A school's Stripe product is made once and kept by billing (the schools table's column was never written, so a
-- product was made per subscription once the idempotency key expired).
create table billing_products (
    school_id  uuid        primary key references schools (id),
    product_id text        not null,
    created_at timestamptz not null default now()
);
insert into billing_products (school_id, product_id)
select id, stripe_product_id from schools where stripe_product_id is not null;
alter table schools drop column stripe_product_id;
alter table billing_products enable row level security;
alter table billing_products force row level security;
create policy billing_products_of_school on billing_products
    using (school_id = app_current_school()) with check (school_id = app_current_school());
