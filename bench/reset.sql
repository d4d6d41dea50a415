-- Back to the seeded state before each run (as the reference's reset.sql does for its own tables): the runs' rows
-- go, the seeded history (older than a day) stays.
delete from lesson_reminders where school_id = (select id from schools where slug = 'bench');
delete from enrollments where school_id = (select id from schools where slug = 'bench') and created_at > now() - interval '1 day';
delete from email_log where school_id = (select id from schools where slug = 'bench') and created_at > now() - interval '1 day';
delete from stripe_customers where customer_id not like 'cus_former_%';
delete from billing_customers where customer_id is null or customer_id not like 'cus_former_%';
delete from subscription_events_applied;
delete from scheduled_tasks where task_instance <> 'recurring';
vacuum (analyze) enrollments, email_log, billing_customers, scheduled_tasks;
checkpoint;
