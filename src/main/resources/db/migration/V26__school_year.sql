-- The school year: what each enrollment is paid through, renewals of terms, and a ledger for every family.

-- An enrollment that ran out (its term over and not renewed) is 'ended': it no longer holds its slot.
alter table enrollments drop constraint enrollments_status_check;
alter table enrollments add constraint enrollments_status_check
    check (status in ('provisional', 'active', 'cancelled', 'expired', 'ended'));

-- The date of the last lesson paid for. A semester or yearly booking knows it from the start (the lessons of the term
-- it covers, charged when it becomes active) and a renewal moves it on; lessons stop there. A monthly enrollment is
-- paid through the end of its current period, as the provider reports it; its lessons go on while it is active.
alter table enrollments add column paid_through date;

-- The end of the term a booking starting on {start} covers, where the app did not say (rows from before this
-- migration, and rows written by hand — an import, a fix): the end of its semester, or a year for a yearly plan.
create function default_term_end(school uuid, plan text, start date) returns date
    language sql stable
as $$
    select case plan
        when 'monthly' then null
        when 'yearly' then (start + interval '1 year' - interval '1 day')::date
        else coalesce((select s.end_date from semesters s
                        where s.school_id = school and start between s.start_date and s.end_date), start) end
$$;
update enrollments set paid_through = default_term_end(school_id, billing_plan, start_date) where billing_plan <> 'monthly';

create function enrollments_default_paid_through() returns trigger
    language plpgsql
as $$
begin
    if new.paid_through is null then
        new.paid_through := default_term_end(new.school_id, new.billing_plan, new.start_date);
    end if;
    return new;
end
$$;
create trigger enrollments_default_paid_through before insert on enrollments
    for each row execute function enrollments_default_paid_through();
alter table enrollments add constraint enrollments_term_paid_through
    check (billing_plan = 'monthly' or paid_through >= start_date);

-- Whether a lesson on the day is paid for: always for a monthly plan (the provider bills it month after month),
-- up to paid_through for a term. Every query of lessons asks it, beside is_lesson_day.
create function lesson_paid(billing_plan text, paid_through date, day date) returns boolean
    language sql immutable parallel safe
as $$
    select billing_plan = 'monthly' or day <= paid_through
$$;

-- The school's rules for its year.
alter table schools add column renewal_notice_days int not null default 14 check (renewal_notice_days between 1 and 90);
alter table schools add column renewal_grace_days int not null default 7 check (renewal_grace_days between 0 and 60);
alter table schools add column min_lessons_in_term int not null default 4 check (min_lessons_in_term between 0 and 26);
alter table schools add column cancellation_refund text not null default 'credit'
    check (cancellation_refund in ('credit', 'refund', 'none'));
-- Music lessons are generally exempt from GST/HST in Canada: no tax line unless the school sets a rate.
alter table schools add column tax_rate_percent numeric(5, 3) not null default 0 check (tax_rate_percent between 0 and 30);
alter table schools add column tax_registration text check (length(tax_registration) <= 40);
alter table schools add column postal_address text check (length(postal_address) <= 300);
-- A flat monthly tuition over the year by default; a school may instead pause a monthly plan's billing for a month
-- without any of its lessons (between semesters, the summer).
alter table schools add column monthly_pauses_for_closures boolean not null default false;

-- Every amount a family sees: charges (positive), payments and credits (negative), refunds (money paid back,
-- positive), adjustments. Written once per provider id, from whichever comes first: the gateway's answer or its event.
create table ledger_entries (
    school_id     uuid        not null references schools (id),
    id            uuid        not null default gen_random_uuid(),
    payee_id      uuid        not null,
    enrollment_id uuid,
    kind          text        not null check (kind in ('charge', 'payment', 'refund', 'credit', 'adjustment')),
    status        text        not null check (status in ('open', 'paid', 'processing', 'failed', 'void')),
    amount_cents  bigint      not null,
    currency      char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    description   text        not null check (length(btrim(description)) between 1 and 500),
    method        text        check (method in ('card', 'acss_debit', 'cash', 'cheque', 'e_transfer', 'other')),
    provider_ref  text,
    -- the charge a payment received outside the provider paid (one from the provider pays its invoice's charge)
    pays          uuid,
    lessons       int         check (lessons >= 0),
    covers_from   date,
    covers_to     date,
    note          text        check (length(note) <= 500),
    recorded_by   text,
    occurred_at   timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    primary key (school_id, id),
    foreign key (school_id, payee_id) references payees (school_id, id),
    foreign key (school_id, enrollment_id) references enrollments (school_id, id),
    foreign key (school_id, pays) references ledger_entries (school_id, id),
    check (kind not in ('charge', 'refund') or amount_cents >= 0),
    check (kind not in ('payment', 'credit') or amount_cents <= 0),
    check (covers_to is null or covers_to >= covers_from)
);
create unique index ledger_entries_once_per_provider_id on ledger_entries (school_id, kind, provider_ref)
    where provider_ref is not null;
create index ledger_entries_of_family on ledger_entries (school_id, payee_id, occurred_at desc);
alter table ledger_entries enable row level security;
alter table ledger_entries force row level security;
create policy ledger_entries_of_school on ledger_entries
    using (school_id = app_current_school()) with check (school_id = app_current_school());

-- A term renewed (or not): the next semester's lessons of a semester-plan enrollment, or the next year of a yearly
-- one, announced before charge_on and charged then.
create table renewals (
    school_id           uuid        not null references schools (id),
    id                  uuid        not null default gen_random_uuid(),
    enrollment_id       uuid        not null,
    semester_id         uuid,
    term_start          date        not null,
    term_end            date        not null,
    lessons             int         not null check (lessons >= 0),
    amount_cents        bigint      not null check (amount_cents >= 0),
    currency            char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    charge_on           date        not null,
    state               text        not null default 'notice_sent'
        check (state in ('notice_sent', 'opted_out', 'charged', 'failed', 'ended')),
    provider_invoice_id text,
    failed_at           timestamptz,
    failure_reason      text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    primary key (school_id, id),
    unique (school_id, enrollment_id, term_start),
    foreign key (school_id, enrollment_id) references enrollments (school_id, id),
    -- a semester deleted withdraws its open renewals (billing follows the calendar); charged ones keep their dates
    foreign key (school_id, semester_id) references semesters (school_id, id) on delete set null (semester_id),
    check (term_end >= term_start),
    check (state <> 'failed' or failed_at is not null)
);
create index renewals_due on renewals (school_id, charge_on) where state in ('notice_sent', 'failed', 'opted_out');
alter table renewals enable row level security;
alter table renewals force row level security;
create policy renewals_of_school on renewals
    using (school_id = app_current_school()) with check (school_id = app_current_school());

alter table email_log drop constraint email_log_template_check;
alter table email_log add constraint email_log_template_check check (template in (
    'booking_confirmation', 'provisional_notice', 'no_show_notice', 'make_up_invite', 'make_up_confirmation',
    'admin_alert', 'payment_failed', 'lesson_reminder', 'welcome', 'password_reset', 'verify_email', 'invitation',
    'booking_cancelled', 'card_expiring', 'renewal_notice', 'payment_receipt'));

-- The months a monthly plan's billing was paused at the provider, each asked for once.
create table billing_pauses (
    school_id     uuid        not null references schools (id),
    enrollment_id uuid        not null,
    month         date        not null check (extract(day from month) = 1),
    created_at    timestamptz not null default now(),
    primary key (school_id, enrollment_id, month),
    foreign key (school_id, enrollment_id) references enrollments (school_id, id)
);
alter table billing_pauses enable row level security;
alter table billing_pauses force row level security;
create policy billing_pauses_of_school on billing_pauses
    using (school_id = app_current_school()) with check (school_id = app_current_school());

-- Billing publishes each enrollment's latest renewal, for booking's answers about a booking.
create view latest_renewals with (security_invoker = true) as
select distinct on (school_id, enrollment_id) school_id, enrollment_id, semester_id, state, amount_cents, currency,
       charge_on
  from renewals
 order by school_id, enrollment_id, term_start desc;
