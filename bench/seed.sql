-- A school large enough for booking runs: 12 teachers x 7 days x 48 half-hour slots = 4,032 slots, and
-- 4,032 students in 2,016 families whose parents sign in with subjects bench-parent-<n>. Run as a superuser
-- (it writes past row-level security) after the application has migrated the database.
insert into schools (slug, name, time_zone, currency, monthly_price_cents, semester_per_lesson_cents, yearly_per_lesson_cents)
values ('bench', 'Bench School', 'America/Vancouver', 'CAD', 14000, 3200, 3000) on conflict (slug) do nothing;

with school as (select id from schools where slug = 'bench')
insert into semesters (school_id, name, start_date, end_date)
select id, 'Bench term', current_date - 30, current_date + 300 from school
 where not exists (select 1 from semesters m where m.school_id = school.id);

with school as (select id from schools where slug = 'bench')
insert into instruments (school_id, name) select id, 'piano' from school on conflict do nothing;

with school as (select id from schools where slug = 'bench')
insert into teachers (school_id, name, email)
select school.id, 'Teacher ' || n, 'teacher' || n || '@bench.test' from school, generate_series(1, 12) n
on conflict do nothing;

insert into timeslots (school_id, teacher_id, weekday, start_time, end_time)
select t.school_id, t.id, d, time '00:00' + make_interval(mins => 30 * h), time '00:00' + make_interval(mins => 30 * h + 30)
  from teachers t join schools s on s.id = t.school_id and s.slug = 'bench',
       generate_series(1, 7) d, generate_series(0, 46) h
on conflict do nothing;

insert into payees (school_id, name, email, identity_subject)
select s.id, 'Parent ' || n, 'parent' || n || '@bench.test', 'bench-parent-' || n
  from schools s, generate_series(1, 2200) n where s.slug = 'bench'
on conflict do nothing;

insert into students (school_id, payee_id, name, birth_date, instrument_id, consent_policy_accepted_at)
select p.school_id, p.id, p.name || ' child ' || k, current_date - interval '9 years', i.id, now()
  from payees p join schools s on s.id = p.school_id and s.slug = 'bench'
  join instruments i on i.school_id = p.school_id, generate_series(1, 2) k
 where not exists (select 1 from students st where st.payee_id = p.id);
