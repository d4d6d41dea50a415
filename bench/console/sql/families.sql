-- The families page searched (a page of 50, its count, their children): the SQL the application runs for it, run by pgbench beside the application in bench/console/run.sh.
select id, name, email, phone, status from payees
 where school_id = cast(:school as uuid)
   and ((name || ' ' || email::text || ' ' || coalesce(phone, '')) ilike :pattern
        or id in (select payee_id from students where school_id = cast(:school as uuid) and deleted_at is null and name ilike :pattern))
 order by name, id limit 50;
select count(*) from payees
 where school_id = cast(:school as uuid)
   and ((name || ' ' || email::text || ' ' || coalesce(phone, '')) ilike :pattern
        or id in (select payee_id from students where school_id = cast(:school as uuid) and deleted_at is null and name ilike :pattern));
select s.id, s.payee_id, s.name from students s
 where s.school_id = cast(:school as uuid) and s.deleted_at is null and s.payee_id in (
       select id from payees where school_id = cast(:school as uuid)
          and ((name || ' ' || email::text || ' ' || coalesce(phone, '')) ilike :pattern
               or id in (select payee_id from students where school_id = cast(:school as uuid) and deleted_at is null and name ilike :pattern))
        order by name, id limit 50);
