-- Back to no bookings before each run (as the reference's reset.sql does for its own tables).
delete from lesson_reminders where school_id = (select id from schools where slug = 'bench');
delete from enrollments where school_id = (select id from schools where slug = 'bench');
delete from email_log where school_id = (select id from schools where slug = 'bench');
delete from scheduled_tasks;
vacuum (analyze) enrollments, scheduled_tasks, email_log;
checkpoint;
