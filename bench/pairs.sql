-- Each free student paired with a free slot of the bench school: the work one run can do.
with students as (
    select st.id, p.identity_subject, p.email, row_number() over (order by st.id) as n
      from students st join payees p on p.school_id = st.school_id and p.id = st.payee_id
      join schools s on s.id = st.school_id and s.slug = 'bench'),
slots as (
    select t.id, row_number() over (order by t.id) as n
      from timeslots t join schools s on s.id = t.school_id and s.slug = 'bench')
select students.identity_subject || '|' || students.email || '|' || students.id || '|' || slots.id
  from students join slots using (n);
