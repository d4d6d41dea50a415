-- Booking and billing: the notice a hold waits on is sent once; a school's Stripe product is made once;
-- a simulated checkout session is a capability to add a simulated card for one family.

alter table enrollments
    add column provisional_notice_sent_at timestamptz,
    add column cancel_reason text check (length(cancel_reason) <= 500);

alter table schools add column stripe_product_id text;

create table simulated_checkouts (
    school_id    uuid        not null,
    id           uuid        not null default gen_random_uuid(),
    payee_id     uuid        not null,
    created_at   timestamptz not null default now(),
    completed_at timestamptz,
    primary key (school_id, id),
    foreign key (school_id, payee_id) references payees (school_id, id)
);
alter table simulated_checkouts enable row level security;
alter table simulated_checkouts force row level security;
create policy simulated_checkouts_of_school on simulated_checkouts
    using (school_id = app_current_school()) with check (school_id = app_current_school());

create index enrollments_student_idx on enrollments (school_id, student_id);
