-- A school large enough for booking runs: 120 teachers x 7 days x 47 half-hour slots = 39,480 slots, 60 % of them
-- held by an active enrollment as in the reference, and 40,000 students in 20,000 families whose parents sign in
-- with subjects bench-parent-<n>. Run as a superuser (it writes past row-level security) after the application has
-- migrated the database.
insert into schools (slug, name, time_zone, currency, monthly_price_cents, semester_per_lesson_cents, yearly_per_lesson_cents)
values ('bench', 'Bench School', 'America/Vancouver', 'CAD', 14000, 3200, 3000)
on conflict (slug) do update set name = excluded.name, time_zone = excluded.time_zone; -- made at start-up (ADMIN_EMAILS)

with school as (select id from schools where slug = 'bench')
insert into semesters (school_id, name, start_date, end_date)
select id, 'Bench term', current_date - 30, current_date + 300 from school
 where not exists (select 1 from semesters m where m.school_id = school.id);

with school as (select id from schools where slug = 'bench')
insert into instruments (school_id, name) select id, 'piano' from school on conflict do nothing;

with school as (select id from schools where slug = 'bench')
insert into teachers (school_id, name, email)
select school.id, 'Teacher ' || n, 'teacher' || n || '@bench.test' from school, generate_series(1, 120) n
on conflict do nothing;

-- every teacher teaches the piano, every child learns it: a booking checks the teacher teaches the child's instrument
insert into teacher_instruments (school_id, teacher_id, instrument_id)
select t.school_id, t.id, i.id
  from teachers t join schools s on s.id = t.school_id and s.slug = 'bench'
  join instruments i on i.school_id = t.school_id
on conflict do nothing;

insert into timeslots (school_id, teacher_id, weekday, start_time, end_time)
select t.school_id, t.id, d, time '00:00' + make_interval(mins => 30 * h), time '00:00' + make_interval(mins => 30 * h + 30)
  from teachers t join schools s on s.id = t.school_id and s.slug = 'bench',
       generate_series(1, 7) d, generate_series(0, 46) h
on conflict do nothing;

insert into payees (school_id, name, email, identity_subject)
select s.id, 'Parent ' || n, 'parent' || n || '@bench.test', 'bench-parent-' || n
  from schools s, generate_series(1, 20000) n where s.slug = 'bench'
on conflict do nothing;

insert into students (school_id, payee_id, name, birth_date, instrument_id, consent_policy_accepted_at)
select p.school_id, p.id, p.name || ' child ' || k, current_date - interval '9 years', i.id, now()
  from payees p join schools s on s.id = p.school_id and s.slug = 'bench'
  join instruments i on i.school_id = p.school_id, generate_series(1, 2) k
 where not exists (select 1 from students st where st.payee_id = p.id);

-- Former families: an established school's Stripe customers outlive their lessons. They also keep billing's tables from
-- looking empty to PostgreSQL after a reset (it would then plan each lookup of one family as a scan of them all).
insert into payees (school_id, name, email, identity_subject)
select s.id, 'Former parent ' || n, 'former' || n || '@bench.test', 'bench-former-' || n
  from schools s, generate_series(1, 5000) n where s.slug = 'bench'
on conflict do nothing;

insert into billing_customers (school_id, payee_id, customer_id, default_payment_method)
select p.school_id, p.id, 'cus_former_' || p.identity_subject, 'pm_former_' || p.identity_subject
  from payees p join schools s on s.id = p.school_id and s.slug = 'bench'
 where p.identity_subject like 'bench-former-%'
on conflict do nothing;

insert into stripe_customers (customer_id, school_id, payee_id)
select customer_id, school_id, payee_id from billing_customers where customer_id like 'cus_former_%'
on conflict do nothing;

-- An established school's history, as the reference has: 60 % of the slots held by an active enrollment, a cancelled
-- enrollment of last term in every slot, and the emails that confirmed them. Without it the tables are empty whenever
-- PostgreSQL gathers statistics, and it plans the runs' lookups of one hold as reads of every hold. reset.sql keeps
-- these rows (they are older than a day).
insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date, created_at, updated_at,
                         activated_at, ended_at, cancel_reason)
select t.school_id, st.id, t.id, 'monthly', case when t.n <= 0.6 * t.total then 'active' else 'cancelled' end,
       current_date - 120, now() - interval '120 days', now() - interval '60 days', now() - interval '120 days',
       case when t.n > 0.6 * t.total then now() - interval '60 days' end,
       case when t.n > 0.6 * t.total then 'end of term' end
  from (select id, school_id, row_number() over (order by id) n, count(*) over () total from timeslots
         where school_id = (select id from schools where slug = 'bench')) t
  join (select id, row_number() over (order by id) n from students
         where school_id = (select id from schools where slug = 'bench')) st using (n)
 where not exists (select 1 from enrollments e where e.school_id = t.school_id and e.created_at < now() - interval '1 day');

insert into enrollments (school_id, student_id, timeslot_id, billing_plan, status, start_date, created_at, updated_at,
                         activated_at, ended_at, cancel_reason)
select e.school_id, e.student_id, e.timeslot_id, 'monthly', 'cancelled', current_date - 300, now() - interval '300 days',
       now() - interval '200 days', now() - interval '300 days', now() - interval '200 days', 'end of term'
  from enrollments e
 where e.school_id = (select id from schools where slug = 'bench') and e.status = 'active'
   and not exists (select 1 from enrollments h where h.school_id = e.school_id and h.created_at < now() - interval '250 days');

insert into email_log (school_id, recipient, template, subject, status, provider, attempts, created_at, sent_at, model)
select e.school_id, p.email, 'booking_confirmation', 'Your lessons are booked', 'sent', 'outbox', 1,
       e.created_at, e.created_at, '{}'
  from enrollments e join students st on st.school_id = e.school_id and st.id = e.student_id
  join payees p on p.school_id = st.school_id and p.id = st.payee_id
 where e.school_id = (select id from schools where slug = 'bench')
   and not exists (select 1 from email_log l where l.school_id = e.school_id);

vacuum (analyze) enrollments, email_log, billing_customers, stripe_customers;
