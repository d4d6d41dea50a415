-- Changes over the year: enrollments that move to another slot, and everyone told of what changes.

-- A move: the enrollment (its billing, paid lessons and renewals) stays one row and takes its new slot; the slot it
-- left is remembered, with the day the new one took over, so the lessons before that day stay where they were given
-- (their attendance and make-ups with them) and nobody else is booked into the old slot before then.
create table enrollment_moves (
    school_id        uuid        not null references schools (id),
    id               uuid        not null default gen_random_uuid(),
    enrollment_id    uuid        not null,
    from_timeslot_id uuid        not null,
    to_timeslot_id   uuid        not null,
    effective_on     date        not null,
    moved_by         text        not null,
    moved_at         timestamptz not null default now(),
    primary key (school_id, id),
    foreign key (school_id, enrollment_id) references enrollments (school_id, id),
    foreign key (school_id, from_timeslot_id) references timeslots (school_id, id),
    foreign key (school_id, to_timeslot_id) references timeslots (school_id, id),
    check (from_timeslot_id <> to_timeslot_id),
    unique (school_id, enrollment_id, effective_on)
);
create index enrollment_moves_enrollment on enrollment_moves (school_id, enrollment_id, effective_on);
create index enrollment_moves_from_slot on enrollment_moves (school_id, from_timeslot_id, effective_on);
alter table enrollment_moves enable row level security;
alter table enrollment_moves force row level security;
create policy enrollment_moves_of_school on enrollment_moves
    using (school_id = app_current_school()) with check (school_id = app_current_school());

-- The slot an enrollment's lesson of a day is in: the slot it left by the first move after that day, or its own.
create function lesson_slot(school uuid, enrollment uuid, current_slot uuid, day date) returns uuid
    language sql stable
as $$
    select coalesce((select m.from_timeslot_id from enrollment_moves m
                      where m.school_id = school and m.enrollment_id = enrollment and m.effective_on > day
                      order by m.effective_on limit 1), current_slot)
$$;

-- Booking publishes, for the make-up search, the slots still taught, until the day they are left, to an enrollment
-- that moved out of them (and still holds a slot).
create view slots_left_later with (security_invoker = true) as
select m.school_id, m.from_timeslot_id as timeslot_id, m.effective_on
  from enrollment_moves m
  join enrollments e on e.school_id = m.school_id and e.id = m.enrollment_id
 where e.status in ('provisional', 'active');

-- "Your hold expires in two days": sent once per hold.
alter table enrollments add column expiring_notice_sent_at timestamptz;

alter table email_log drop constraint email_log_template_check;
alter table email_log add constraint email_log_template_check check (template in (
    'booking_confirmation', 'provisional_notice', 'no_show_notice', 'make_up_invite', 'make_up_confirmation',
    'admin_alert', 'payment_failed', 'lesson_reminder', 'welcome', 'password_reset', 'verify_email', 'invitation',
    'booking_cancelled', 'card_expiring', 'renewal_notice', 'payment_receipt',
    'hold_expiring', 'hold_expired', 'new_student', 'student_left', 'absence_reported', 'booking_moved',
    'waitlist_offer', 'make_up_offer'));

-- Each enrollment's slots over time: its own from its last move on, and each slot it left up to the day it left.
create view enrollment_slot_periods with (security_invoker = true) as
select e.school_id, e.id as enrollment_id, e.timeslot_id,
       (select max(m.effective_on) from enrollment_moves m
         where m.school_id = e.school_id and m.enrollment_id = e.id) as valid_from,
       cast(null as date) as valid_until
  from enrollments e
union all
select m.school_id, m.enrollment_id, m.from_timeslot_id,
       lag(m.effective_on) over (partition by m.school_id, m.enrollment_id order by m.effective_on) as valid_from,
       m.effective_on as valid_until
  from enrollment_moves m;

-- A second reminder, by text shortly before the lesson (APP_REMINDERS_SMS_AHEAD), claimed per lesson like the first.
alter table lesson_reminders add column kind text not null default 'day_ahead' check (kind in ('day_ahead', 'text_soon'));
alter table lesson_reminders drop constraint lesson_reminders_pkey;
alter table lesson_reminders add primary key (school_id, enrollment_id, lesson_date, kind);

-- The waitlist: a family waits for a weekly slot for one child — with a teacher, for an instrument, on some weekdays,
-- in a time window — in the school's order (position; the longest waiting first unless the school reorders).
alter table schools add column waitlist_offer_hours int not null default 24 check (waitlist_offer_hours between 1 and 168);

create sequence waitlist_positions;
create table waitlist_entries (
    school_id     uuid        not null references schools (id),
    id            uuid        not null default gen_random_uuid(),
    student_id    uuid        not null,
    teacher_id    uuid,
    instrument_id uuid        not null,
    weekdays      smallint[]  check (weekdays is null or (cardinality(weekdays) between 1 and 7
                                     and weekdays <@ array[1, 2, 3, 4, 5, 6, 7]::smallint[])),
    earliest      time,
    latest        time,
    position      bigint      not null default nextval('waitlist_positions'),
    status        text        not null default 'waiting' check (status in ('waiting', 'offered', 'booked', 'withdrawn')),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    primary key (school_id, id),
    foreign key (school_id, student_id) references students (school_id, id),
    foreign key (school_id, teacher_id) references teachers (school_id, id),
    foreign key (school_id, instrument_id) references instruments (school_id, id),
    check (earliest is null or latest is null or earliest < latest)
);
-- one place in the line per child
create unique index waitlist_one_entry_per_student on waitlist_entries (school_id, student_id)
    where status in ('waiting', 'offered');
create index waitlist_in_line on waitlist_entries (school_id, position) where status = 'waiting';

-- An offer holds a freed slot for one waiting family until it is accepted, declined or expires; one open offer per
-- slot and per entry, settled by the database.
create table waitlist_offers (
    school_id     uuid        not null references schools (id),
    id            uuid        not null default gen_random_uuid(),
    entry_id      uuid        not null,
    timeslot_id   uuid        not null,
    status        text        not null default 'open' check (status in ('open', 'accepted', 'declined', 'expired', 'withdrawn')),
    expires_at    timestamptz not null,
    answered_at   timestamptz,
    enrollment_id uuid,
    created_at    timestamptz not null default now(),
    primary key (school_id, id),
    foreign key (school_id, entry_id) references waitlist_entries (school_id, id),
    foreign key (school_id, timeslot_id) references timeslots (school_id, id),
    foreign key (school_id, enrollment_id) references enrollments (school_id, id),
    check ((status = 'accepted') = (enrollment_id is not null))
);
create unique index waitlist_one_open_offer_per_slot on waitlist_offers (school_id, timeslot_id) where status = 'open';
create unique index waitlist_one_open_offer_per_entry on waitlist_offers (school_id, entry_id) where status = 'open';
create index waitlist_offers_expiry on waitlist_offers (expires_at) where status = 'open';

alter table waitlist_entries enable row level security;
alter table waitlist_entries force row level security;
create policy waitlist_entries_of_school on waitlist_entries
    using (school_id = app_current_school()) with check (school_id = app_current_school());
alter table waitlist_offers enable row level security;
alter table waitlist_offers force row level security;
create policy waitlist_offers_of_school on waitlist_offers
    using (school_id = app_current_school()) with check (school_id = app_current_school());
grant usage on sequence waitlist_positions to "${app_role}";

-- The slots nobody else may book now: held by an enrollment, or offered to a waiting family until the offer's end.
create view held_timeslots with (security_invoker = true) as
select school_id, timeslot_id from enrollments where status in ('provisional', 'active')
union
select school_id, timeslot_id from waitlist_offers where status = 'open' and expires_at > now();

-- Freed lessons offered as make-ups: a family with credits hears of them at most once a day.
create table make_up_offer_notices (
    school_id uuid not null references schools (id),
    payee_id  uuid not null,
    sent_on   date not null,
    primary key (school_id, payee_id, sent_on),
    foreign key (school_id, payee_id) references payees (school_id, id)
);
alter table make_up_offer_notices enable row level security;
alter table make_up_offer_notices force row level security;
create policy make_up_offer_notices_of_school on make_up_offer_notices
    using (school_id = app_current_school()) with check (school_id = app_current_school());

-- Siblings: the second and later children of a family enrolled at once pay this much less (0: no discount).
alter table schools add column sibling_discount_percent int not null default 0
    check (sibling_discount_percent between 0 and 50);
-- A renewal's sibling discount, worked out when it is priced (its amount stays the term's full price).
alter table renewals add column discount_percent int not null default 0 check (discount_percent between 0 and 50);
-- The sibling discount a monthly subscription's price was made with, so each month's invoice shows it as its own line.
create table monthly_discounts (
    school_id     uuid not null references schools (id),
    enrollment_id uuid not null,
    percent       int  not null check (percent between 1 and 50),
    primary key (school_id, enrollment_id),
    foreign key (school_id, enrollment_id) references enrollments (school_id, id)
);
alter table monthly_discounts enable row level security;
alter table monthly_discounts force row level security;
create policy monthly_discounts_of_school on monthly_discounts
    using (school_id = app_current_school()) with check (school_id = app_current_school());
-- What a renewal asks of the family: its full price less its sibling discount, to the nearest cent.
create function renewal_due(amount_cents bigint, discount_percent int) returns bigint
    language sql immutable parallel safe
as $$
    select amount_cents - round(amount_cents * discount_percent / 100.0)::bigint
$$;
create or replace view latest_renewals with (security_invoker = true) as
select distinct on (school_id, enrollment_id) school_id, enrollment_id, semester_id, state,
       renewal_due(amount_cents, discount_percent) as amount_cents, currency, charge_on
  from renewals
 order by school_id, enrollment_id, term_start desc;
