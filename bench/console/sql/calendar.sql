-- The week calendar (seven days' lessons, the slots, the holds, the days): the SQL the application runs for it, run by pgbench beside the application in bench/console/run.sh.
with days as (select cast(d as date) as day, cast(extract(isodow from d) as int) as weekday
                from generate_series(cast(cast(:day as date) as timestamp), cast(cast(:day as date) + 6 as timestamp), interval '1 day') d
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
 where c.school_id = cast(:school as uuid) and c.booked_date between cast(:day as date) and cast(:day as date) + 6
   and c.status in ('booked', 'used')
 order by date, start_time, teacher_name;
select t.id, t.weekday, t.start_time, t.end_time, te.name, r.name
  from timeslots t join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
 where t.school_id = cast(:school as uuid) and t.active and te.active
   and not exists (select 1 from held_timeslots h where h.school_id = t.school_id and h.timeslot_id = t.id);
select e.id, t.id, t.weekday, t.start_time, te.name, st.name, e.start_date
  from enrollments e join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = e.school_id and st.id = e.student_id
 where e.school_id = cast(:school as uuid) and e.status = 'provisional';
select d.day, is_lesson_day(cast(:school as uuid), extract(isodow from d.day)::int, d.day),
       (select reason from closures c where c.school_id = cast(:school as uuid) and d.day between c.start_date and c.end_date limit 1)
  from (select cast(generate_series(cast(:day as timestamp), cast(:day as timestamp) + interval '6 days', interval '1 day') as date) as day) d;
