-- Each free student of the bench school paired with a free slot: the work one run can do.
with school as (select id from schools where slug = 'bench'),
students as (
    select st.id, p.identity_subject, p.email, row_number() over (order by st.id) as n
      from students st join payees p on p.school_id = st.school_id and p.id = st.payee_id
     where st.school_id = (select id from school)
       and not exists (select 1 from enrollments e where e.school_id = st.school_id and e.student_id = st.id
                          and e.status in ('provisional', 'active'))),
slots as (
    select t.id, row_number() over (order by t.id) as n
      from timeslots t
     where t.school_id = (select id from school)
       and not exists (select 1 from enrollments e where e.school_id = t.school_id and e.timeslot_id = t.id
                          and e.status in ('provisional', 'active')))
select students.identity_subject || '|' || students.email || '|' || students.id || '|' || slots.id
  from students join slots using (n);
