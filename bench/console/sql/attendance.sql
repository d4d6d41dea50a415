-- Attendance by teacher and pupil for the term so far: the SQL the application runs for it, run by pgbench beside the application in bench/console/run.sh.
with moved as (select distinct enrollment_id from enrollment_moves where school_id = cast(:school as uuid)),
marked as (
    select t.teacher_id, e.student_id, a.status, false as make_up
      from attendance a
      join enrollments e on e.school_id = a.school_id and e.id = a.enrollment_id
      left join moved on moved.enrollment_id = e.id
      join timeslots t on t.school_id = a.school_id
           and t.id = case when moved.enrollment_id is null then e.timeslot_id
                           else lesson_slot(a.school_id, a.enrollment_id, e.timeslot_id, a.lesson_date) end
     where a.school_id = cast(:school as uuid) and a.lesson_date between cast(:from as date) and cast(:to as date)
    union all
    select t.teacher_id, c.student_id, c.attendance, true
      from makeup_credits c join timeslots t on t.school_id = c.school_id and t.id = c.booked_timeslot_id
     where c.school_id = cast(:school as uuid) and c.booked_date between cast(:from as date) and cast(:to as date)
       and c.attendance is not null)
select te.id, te.name, st.id, st.name, m.present, m.absent, m.no_show, m.cancelled
  from (select teacher_id, student_id, count(*) filter (where status = 'present') as present,
               count(*) filter (where status = 'absent') as absent, count(*) filter (where status = 'no_show') as no_show,
               count(*) filter (where status = 'cancelled_by_school') as cancelled
          from marked group by teacher_id, student_id) m
  join teachers te on te.school_id = cast(:school as uuid) and te.id = m.teacher_id
  join students st on st.school_id = cast(:school as uuid) and st.id = m.student_id
 order by te.name, te.id, st.name, st.id;
