-- A make-up lesson is marked like any lesson: present, or a no-show. Its credit is then used.
alter table makeup_credits add column attendance text check (attendance in ('present', 'no_show'));
alter table makeup_credits add constraint makeup_credits_attendance_of_a_booked_lesson
    check (attendance is null or status in ('booked', 'used'));
