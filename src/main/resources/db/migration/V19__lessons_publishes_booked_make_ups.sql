-- Owned by lessons, read by booking: the make-up lessons booked into a weekly slot. A weekly booking starts after the
-- last of them, and booking may not depend on lessons, so lessons publishes this instead of booking reading its table.
create view booked_make_up_lessons with (security_invoker = true) as
select school_id, booked_timeslot_id as timeslot_id, booked_date as lesson_date
  from makeup_credits
 where status in ('booked', 'used') and booked_timeslot_id is not null;
