-- The week calendar (seven days' lessons, the slots, the holds, the days): the SQL the application runs for it, run by pgbench beside the application in bench/console/run.sh.
select e.id as enrollment_id, st.name as student_name, te.id as teacher_id,
       te.name as teacher_name, t.start_time, t.end_time, a.status as attendance, a.notes, r.name as room
  from enrollments e
  join timeslots t on t.school_id = e.school_id and t.id = lesson_slot(e.school_id, e.id, e.timeslot_id, cast(:day as date) + 0)
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = e.school_id and st.id = e.student_id
  left join attendance a on a.school_id = e.school_id and a.enrollment_id = e.id and a.lesson_date = cast(:day as date) + 0
 where e.school_id = cast(:school as uuid) and t.weekday = extract(isodow from cast(:day as date) + 0)
   and e.start_date <= cast(:day as date) + 0
   and (e.status = 'active' or (e.activated_at is not null and e.ended_at >= cast(cast(:day as date) + 0 + 1 as timestamp)
                                 at time zone (select time_zone from schools where id = cast(:school as uuid))))
   and is_lesson_day(e.school_id, t.weekday, cast(:day as date) + 0)
   and lesson_paid(e.billing_plan, e.paid_through, cast(:day as date) + 0)
union all
select c.enrollment_id, st.name, te.id, te.name, t.start_time, t.end_time, c.attendance, '', r.name
  from makeup_credits c
  join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = c.school_id and st.id = c.student_id
 where c.school_id = cast(:school as uuid) and c.booked_date = cast(:day as date) + 0 and c.status in ('booked', 'used')
 order by start_time, teacher_name;
select e.id as enrollment_id, st.name as student_name, te.id as teacher_id,
       te.name as teacher_name, t.start_time, t.end_time, a.status as attendance, a.notes, r.name as room
  from enrollments e
  join timeslots t on t.school_id = e.school_id and t.id = lesson_slot(e.school_id, e.id, e.timeslot_id, cast(:day as date) + 1)
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = e.school_id and st.id = e.student_id
  left join attendance a on a.school_id = e.school_id and a.enrollment_id = e.id and a.lesson_date = cast(:day as date) + 1
 where e.school_id = cast(:school as uuid) and t.weekday = extract(isodow from cast(:day as date) + 1)
   and e.start_date <= cast(:day as date) + 1
   and (e.status = 'active' or (e.activated_at is not null and e.ended_at >= cast(cast(:day as date) + 1 + 1 as timestamp)
                                 at time zone (select time_zone from schools where id = cast(:school as uuid))))
   and is_lesson_day(e.school_id, t.weekday, cast(:day as date) + 1)
   and lesson_paid(e.billing_plan, e.paid_through, cast(:day as date) + 1)
union all
select c.enrollment_id, st.name, te.id, te.name, t.start_time, t.end_time, c.attendance, '', r.name
  from makeup_credits c
  join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = c.school_id and st.id = c.student_id
 where c.school_id = cast(:school as uuid) and c.booked_date = cast(:day as date) + 1 and c.status in ('booked', 'used')
 order by start_time, teacher_name;
select e.id as enrollment_id, st.name as student_name, te.id as teacher_id,
       te.name as teacher_name, t.start_time, t.end_time, a.status as attendance, a.notes, r.name as room
  from enrollments e
  join timeslots t on t.school_id = e.school_id and t.id = lesson_slot(e.school_id, e.id, e.timeslot_id, cast(:day as date) + 2)
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = e.school_id and st.id = e.student_id
  left join attendance a on a.school_id = e.school_id and a.enrollment_id = e.id and a.lesson_date = cast(:day as date) + 2
 where e.school_id = cast(:school as uuid) and t.weekday = extract(isodow from cast(:day as date) + 2)
   and e.start_date <= cast(:day as date) + 2
   and (e.status = 'active' or (e.activated_at is not null and e.ended_at >= cast(cast(:day as date) + 2 + 1 as timestamp)
                                 at time zone (select time_zone from schools where id = cast(:school as uuid))))
   and is_lesson_day(e.school_id, t.weekday, cast(:day as date) + 2)
   and lesson_paid(e.billing_plan, e.paid_through, cast(:day as date) + 2)
union all
select c.enrollment_id, st.name, te.id, te.name, t.start_time, t.end_time, c.attendance, '', r.name
  from makeup_credits c
  join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = c.school_id and st.id = c.student_id
 where c.school_id = cast(:school as uuid) and c.booked_date = cast(:day as date) + 2 and c.status in ('booked', 'used')
 order by start_time, teacher_name;
select e.id as enrollment_id, st.name as student_name, te.id as teacher_id,
       te.name as teacher_name, t.start_time, t.end_time, a.status as attendance, a.notes, r.name as room
  from enrollments e
  join timeslots t on t.school_id = e.school_id and t.id = lesson_slot(e.school_id, e.id, e.timeslot_id, cast(:day as date) + 3)
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = e.school_id and st.id = e.student_id
  left join attendance a on a.school_id = e.school_id and a.enrollment_id = e.id and a.lesson_date = cast(:day as date) + 3
 where e.school_id = cast(:school as uuid) and t.weekday = extract(isodow from cast(:day as date) + 3)
   and e.start_date <= cast(:day as date) + 3
   and (e.status = 'active' or (e.activated_at is not null and e.ended_at >= cast(cast(:day as date) + 3 + 1 as timestamp)
                                 at time zone (select time_zone from schools where id = cast(:school as uuid))))
   and is_lesson_day(e.school_id, t.weekday, cast(:day as date) + 3)
   and lesson_paid(e.billing_plan, e.paid_through, cast(:day as date) + 3)
union all
select c.enrollment_id, st.name, te.id, te.name, t.start_time, t.end_time, c.attendance, '', r.name
  from makeup_credits c
  join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = c.school_id and st.id = c.student_id
 where c.school_id = cast(:school as uuid) and c.booked_date = cast(:day as date) + 3 and c.status in ('booked', 'used')
 order by start_time, teacher_name;
select e.id as enrollment_id, st.name as student_name, te.id as teacher_id,
       te.name as teacher_name, t.start_time, t.end_time, a.status as attendance, a.notes, r.name as room
  from enrollments e
  join timeslots t on t.school_id = e.school_id and t.id = lesson_slot(e.school_id, e.id, e.timeslot_id, cast(:day as date) + 4)
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = e.school_id and st.id = e.student_id
  left join attendance a on a.school_id = e.school_id and a.enrollment_id = e.id and a.lesson_date = cast(:day as date) + 4
 where e.school_id = cast(:school as uuid) and t.weekday = extract(isodow from cast(:day as date) + 4)
   and e.start_date <= cast(:day as date) + 4
   and (e.status = 'active' or (e.activated_at is not null and e.ended_at >= cast(cast(:day as date) + 4 + 1 as timestamp)
                                 at time zone (select time_zone from schools where id = cast(:school as uuid))))
   and is_lesson_day(e.school_id, t.weekday, cast(:day as date) + 4)
   and lesson_paid(e.billing_plan, e.paid_through, cast(:day as date) + 4)
union all
select c.enrollment_id, st.name, te.id, te.name, t.start_time, t.end_time, c.attendance, '', r.name
  from makeup_credits c
  join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = c.school_id and st.id = c.student_id
 where c.school_id = cast(:school as uuid) and c.booked_date = cast(:day as date) + 4 and c.status in ('booked', 'used')
 order by start_time, teacher_name;
select e.id as enrollment_id, st.name as student_name, te.id as teacher_id,
       te.name as teacher_name, t.start_time, t.end_time, a.status as attendance, a.notes, r.name as room
  from enrollments e
  join timeslots t on t.school_id = e.school_id and t.id = lesson_slot(e.school_id, e.id, e.timeslot_id, cast(:day as date) + 5)
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = e.school_id and st.id = e.student_id
  left join attendance a on a.school_id = e.school_id and a.enrollment_id = e.id and a.lesson_date = cast(:day as date) + 5
 where e.school_id = cast(:school as uuid) and t.weekday = extract(isodow from cast(:day as date) + 5)
   and e.start_date <= cast(:day as date) + 5
   and (e.status = 'active' or (e.activated_at is not null and e.ended_at >= cast(cast(:day as date) + 5 + 1 as timestamp)
                                 at time zone (select time_zone from schools where id = cast(:school as uuid))))
   and is_lesson_day(e.school_id, t.weekday, cast(:day as date) + 5)
   and lesson_paid(e.billing_plan, e.paid_through, cast(:day as date) + 5)
union all
select c.enrollment_id, st.name, te.id, te.name, t.start_time, t.end_time, c.attendance, '', r.name
  from makeup_credits c
  join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = c.school_id and st.id = c.student_id
 where c.school_id = cast(:school as uuid) and c.booked_date = cast(:day as date) + 5 and c.status in ('booked', 'used')
 order by start_time, teacher_name;
select e.id as enrollment_id, st.name as student_name, te.id as teacher_id,
       te.name as teacher_name, t.start_time, t.end_time, a.status as attendance, a.notes, r.name as room
  from enrollments e
  join timeslots t on t.school_id = e.school_id and t.id = lesson_slot(e.school_id, e.id, e.timeslot_id, cast(:day as date) + 6)
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = e.school_id and st.id = e.student_id
  left join attendance a on a.school_id = e.school_id and a.enrollment_id = e.id and a.lesson_date = cast(:day as date) + 6
 where e.school_id = cast(:school as uuid) and t.weekday = extract(isodow from cast(:day as date) + 6)
   and e.start_date <= cast(:day as date) + 6
   and (e.status = 'active' or (e.activated_at is not null and e.ended_at >= cast(cast(:day as date) + 6 + 1 as timestamp)
                                 at time zone (select time_zone from schools where id = cast(:school as uuid))))
   and is_lesson_day(e.school_id, t.weekday, cast(:day as date) + 6)
   and lesson_paid(e.billing_plan, e.paid_through, cast(:day as date) + 6)
union all
select c.enrollment_id, st.name, te.id, te.name, t.start_time, t.end_time, c.attendance, '', r.name
  from makeup_credits c
  join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = c.school_id and st.id = c.student_id
 where c.school_id = cast(:school as uuid) and c.booked_date = cast(:day as date) + 6 and c.status in ('booked', 'used')
 order by start_time, teacher_name;
select t.id, t.weekday, t.start_time, t.end_time, te.name, r.name,
       not exists (select 1 from held_timeslots h where h.school_id = t.school_id and h.timeslot_id = t.id) as free
  from timeslots t join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  left join rooms r on r.school_id = t.school_id and r.id = t.room_id
 where t.school_id = cast(:school as uuid) and t.active and te.active;
select e.id, t.id, t.weekday, t.start_time, te.name, st.name, e.start_date
  from enrollments e join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
  join students st on st.school_id = e.school_id and st.id = e.student_id
 where e.school_id = cast(:school as uuid) and e.status = 'provisional';
select d.day, is_lesson_day(cast(:school as uuid), extract(isodow from d.day)::int, d.day),
       (select reason from closures c where c.school_id = cast(:school as uuid) and d.day between c.start_date and c.end_date limit 1)
  from (select cast(generate_series(cast(:day as timestamp), cast(:day as timestamp) + interval '6 days', interval '1 day') as date) as day) d;
