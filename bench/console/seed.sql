-- A school of the console issue's size: 60 teachers with 2,400 weekly slots (8 an afternoon, five days a week), 500
-- students of 2,000 families on the books (450 of them with a child enrolled), and a term so far of attendance,
-- charges, payments and emails. Run as a superuser (it writes past row-level security) after the application has
-- migrated the database and made the school 'console' (APP_DEFAULT_SCHOOL).
\set school '(select id from schools where slug = ''console'')'

insert into semesters (school_id, name, start_date, end_date)
select :school, 'Console term', current_date - 100, current_date + 100
 where not exists (select 1 from semesters where school_id = :school);

insert into instruments (school_id, name)
select :school, name from unnest(array['piano', 'guitar', 'violin', 'drums']) name on conflict do nothing;

insert into rooms (school_id, name)
select :school, 'Room ' || n from generate_series(1, 20) n on conflict do nothing;

insert into teachers (school_id, name, email, pay_per_lesson_cents)
select :school, 'Teacher ' || lpad(n::text, 2, '0'), 'teacher' || n || '@console.test', 3000 + 100 * (n % 10)
  from generate_series(1, 60) n on conflict do nothing;

insert into teacher_instruments (school_id, teacher_id, instrument_id)
select t.school_id, t.id, i.id
  from (select school_id, id, row_number() over (order by name) n from teachers where school_id = :school) t
  join (select school_id, id, row_number() over (order by name) - 1 k from instruments where school_id = :school) i
    on i.school_id = t.school_id and i.k = t.n % 4
on conflict do nothing;

-- the first twenty teachers each have a room of their own; the others teach wherever they are
insert into timeslots (school_id, teacher_id, weekday, start_time, end_time, room_id)
select t.school_id, t.id, d, time '15:00' + make_interval(mins => 30 * h), time '15:30' + make_interval(mins => 30 * h),
       (select r.id from rooms r where r.school_id = t.school_id and r.name = 'Room ' || t.n)
  from (select school_id, id, row_number() over (order by name) n from teachers where school_id = :school) t,
       generate_series(1, 5) d, generate_series(0, 7) h
on conflict do nothing;

insert into payees (school_id, name, email, phone)
select :school, (array['Olivia', 'Ethan', 'Sophie', 'Lucas', 'Chloe', 'Noah', 'Maya', 'Owen', 'Anna', 'Leo'])[1 + n % 10]
                || ' ' || (array['Martin', 'Roy', 'Gauthier', 'Wong', 'Patel', 'Lee', 'Campbell', 'Singh', 'Fraser',
                                 'Morin', 'Kim', 'Côté', 'Li', 'Wilson', 'Nguyen', 'Lavoie'])[1 + (n / 10) % 16] || ' ' || n,
       'family' || n || '@console.test', '+1 604 555 ' || lpad((n % 10000)::text, 4, '0')
  from generate_series(1, 2000) n on conflict do nothing;

-- 500 children: the first 450 families have one, the first 50 of them a second
insert into students (school_id, payee_id, name, birth_date, instrument_id, consent_policy_accepted_at)
select p.school_id, p.id, 'Child ' || k || ' of ' || p.name, current_date - make_interval(years => cast(6 + (p.n + k) % 10 as int)),
       (select i.id from instruments i where i.school_id = p.school_id order by i.name limit 1 offset (p.n % 4)), now()
  from (select school_id, id, name, row_number() over (order by email) n from payees where school_id = :school) p,
       generate_series(1, 2) k
 where ((k = 1 and p.n <= 450) or (k = 2 and p.n <= 50))
   and not exists (select 1 from students s where s.school_id = p.school_id);

-- every child holds a slot of a teacher of its instrument, enrolled since the term began
insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date, activated_at)
select st.school_id, st.id, slot.id, (array['monthly', 'monthly', 'semester', 'yearly'])[1 + st.n % 4], 'active',
       current_date - 100, now() - interval '100 days'
  from (select s.school_id, s.id, s.instrument_id,
               row_number() over (partition by s.instrument_id order by s.id) n
          from students s where s.school_id = :school) st
  join lateral (select t.id from timeslots t join teacher_instruments ti
                  on ti.school_id = t.school_id and ti.teacher_id = t.teacher_id and ti.instrument_id = st.instrument_id
                 where t.school_id = st.school_id order by t.id offset st.n - 1 limit 1) slot on true
 where not exists (select 1 from enrollments e where e.school_id = st.school_id);

-- the term so far: every lesson up to yesterday marked (9 in 10 present)
insert into attendance (school_id, enrollment_id, lesson_date, status, marked_by, marked_at)
select e.school_id, e.id, cast(d as date),
       case when abs(hashtext(e.id::text || d::text)) % 100 < 6 then 'absent'
            when abs(hashtext(e.id::text || d::text)) % 100 < 8 then 'no_show'
            when abs(hashtext(e.id::text || d::text)) % 100 < 9 then 'cancelled_by_school' else 'present' end,
       'teacher@console.test', d + interval '16 hours'
  from enrollments e join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id,
       generate_series(cast(current_date - 100 as timestamp), cast(current_date - 1 as timestamp), interval '1 day') d
 where e.school_id = :school and extract(isodow from d) = t.weekday
on conflict do nothing;

-- a month's charge and its payment for each month of the term; this month's still owed by one family in five
insert into ledger_entries (school_id, payee_id, enrollment_id, kind, status, amount_cents, currency, description,
                            method, occurred_at)
select e.school_id, st.payee_id, e.id, kind.k,
       case when kind.k = 'charge' and m = date_trunc('month', current_date) and st.n % 5 = 0 then 'open' else 'paid' end,
       case when kind.k = 'charge' then 14000 else -14000 end, 'CAD',
       case when kind.k = 'charge' then 'Weekly lessons, ' || to_char(m, 'Month YYYY') else 'Payment by card' end,
       case when kind.k = 'payment' then 'card' end, m + interval '1 day 17 hours'
  from enrollments e
  join (select school_id, id, payee_id, row_number() over (order by id) n from students) st
    on st.school_id = e.school_id and st.id = e.student_id,
       generate_series(date_trunc('month', current_date - 100), date_trunc('month', current_date), interval '1 month') m,
       (values ('charge'), ('payment')) kind(k)
 where e.school_id = :school
   and not (kind.k = 'payment' and m = date_trunc('month', current_date) and st.n % 5 = 0)
   and not exists (select 1 from ledger_entries l where l.school_id = e.school_id);

insert into email_log (school_id, recipient, template, subject, status, provider, attempts, created_at, sent_at, model)
select p.school_id, p.email, 'booking_confirmation', 'Your lessons are booked', 'sent', 'outbox', 1,
       now() - interval '100 days', now() - interval '100 days', '{}'
  from payees p where p.school_id = :school and exists (select 1 from students s where s.payee_id = p.id)
   and not exists (select 1 from email_log l where l.school_id = p.school_id);

vacuum (analyze) payees, students, enrollments, attendance, ledger_entries, timeslots, email_log, audit_log;
