-- A family's page (its record, account, children, enrollments, lessons, credits, emails; the audited read): the SQL the application runs for it, run by pgbench beside the application in bench/console/run.sh.
select id, name, email, phone, status, notes from payees where school_id = cast(:school as uuid) and id = cast(:family as uuid);
insert into audit_log (school_id, actor, action, entity_type, entity_id, summary)
values (cast(:school as uuid), 'bench@console.test', 'family.read', 'payee', :family, '{"read": "family page"}');
select id, occurred_at, kind, amount_cents, description, status from ledger_entries
 where school_id = cast(:school as uuid) and payee_id = cast(:family as uuid) order by occurred_at desc, kind = 'charge', id;
select coalesce(sum(amount_cents) filter (where status not in ('failed', 'void')), 0) from ledger_entries
 where school_id = cast(:school as uuid) and payee_id = cast(:family as uuid);
select id, name, birth_date from students where school_id = cast(:school as uuid) and payee_id = cast(:family as uuid) and deleted_at is null;
select e.id, e.status, e.billing_plan, e.start_date, e.paid_through, t.weekday, t.start_time, te.name from enrollments e
  join students st on st.school_id = e.school_id and st.id = e.student_id
  join timeslots t on t.school_id = e.school_id and t.id = e.timeslot_id
  join teachers te on te.school_id = t.school_id and te.id = t.teacher_id
 where e.school_id = cast(:school as uuid) and st.payee_id = cast(:family as uuid);
select a.lesson_date, a.status from attendance a join enrollments e on e.school_id = a.school_id and e.id = a.enrollment_id
  join students st on st.school_id = e.school_id and st.id = e.student_id
 where a.school_id = cast(:school as uuid) and st.payee_id = cast(:family as uuid) order by a.lesson_date;
select c.id, c.status from makeup_credits c join students st on st.school_id = c.school_id and st.id = c.student_id
 where c.school_id = cast(:school as uuid) and st.payee_id = cast(:family as uuid);
select id, subject, status, created_at from email_log
 where school_id = cast(:school as uuid) and recipient = (select email::text from payees where id = cast(:family as uuid))
 order by created_at desc;
