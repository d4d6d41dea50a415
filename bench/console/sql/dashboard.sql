-- The dashboard (the day's lessons, holds, money, recent payments): the SQL the application runs for it, run by pgbench beside the application in bench/console/run.sh.
with days as (select cast(d as date) as day, cast(extract(isodow from d) as int) as weekday
                from generate_series(cast(cast(:day as date) as timestamp), cast(cast(:day as date) as timestamp), interval '1 day') d
               where is_lesson_day(cast(:school as uuid), cast(extract(isodow from d) as int), cast(d as date))),
     moved as (select distinct enrollment_id from enrollment_moves where school_id = cast(:school as uuid)),
     placed as (select e.id as enrollment_id, days.day, e.timeslot_id
                  from enrollments e
                  join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
                  join days on days.weekday = t.weekday
                 where e.school_id = cast(:school as uuid)
                   and not exists (select 1 from moved where moved.enrollment_id = e.id)
                union all
                select e.id, days.day, lesson_slot(e.school_id, e.id, e.timeslot_id, days.day)
                  from enrollments e join moved on moved.enrollment_id = e.id cross join days
                 where e.school_id = cast(:school as uuid))
select e.id as enrollment_id, p.day as date, st.name as student_name, te.id as teacher_id,
       te.name as teacher_name, t.start_time, t.end_time, a.status as attendance, a.notes,
       cast(null as uuid) as makeup_id, r.name as room
  from placed p
  join enrollments e on e.school_id = cast(:school as uuid) and e.id = p.enrollment_id and e.start_date <= p.day
  join timeslots t on t.school_id = cast(:school as uuid) and t.id = p.timeslot_id and t.weekday = extract(isodow from p.day)
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = e.school_id and st.id = e.student_id
  left join attendance a on a.school_id = e.school_id and a.enrollment_id = e.id and a.lesson_date = p.day
 where (e.status = 'active'
        or (e.activated_at is not null
            and e.ended_at >= cast(p.day + 1 as timestamp)
                              at time zone (select time_zone from schools where id = cast(:school as uuid))))
   and lesson_paid(e.billing_plan, e.paid_through, p.day)
union all
select c.enrollment_id, c.booked_date, st.name, te.id, te.name, t.start_time, t.end_time, c.attendance, '', c.id, r.name
  from makeup_credits c
  join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = c.school_id and st.id = c.student_id
 where c.school_id = cast(:school as uuid) and c.booked_date between cast(:day as date) and cast(:day as date)
   and c.status in ('booked', 'used')
 order by date, start_time, teacher_name;
select e.id, t.id, t.weekday, t.start_time, te.name, st.name, e.start_date
  from enrollments e join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = e.school_id and st.id = e.student_id
 where e.school_id = cast(:school as uuid) and e.status = 'provisional';
select (select coalesce(sum(balance), 0) from (select sum(amount_cents) filter (where status not in ('failed', 'void')) as balance
          from ledger_entries where school_id = cast(:school as uuid) group by payee_id) families where balance > 0),
       (select coalesce(-sum(amount_cents), 0) from ledger_entries where school_id = cast(:school as uuid) and kind = 'payment'
           and status = 'paid' and occurred_at >= date_trunc('month', now())),
       (select count(*) from renewals where school_id = cast(:school as uuid) and state in ('notice_sent', 'failed'));
select l.occurred_at, p.name, l.amount_cents, l.status from ledger_entries l
  join payees p on p.school_id = l.school_id and p.id = l.payee_id
 where l.school_id = cast(:school as uuid) and l.kind = 'payment' order by l.occurred_at desc limit 20;
select (select count(*) from dead_letters where school_id = cast(:school as uuid) and retried_at is null),
       (select count(*) from email_log where school_id = cast(:school as uuid) and status = 'failed');
