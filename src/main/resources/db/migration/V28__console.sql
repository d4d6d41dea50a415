-- The console for a school of hundreds of families.

-- What the school notes about a family (a custody arrangement, who collects the child): the school's, shown to its
-- admins on the family page and to the family in its export.
alter table payees add column notes text not null default '' check (length(notes) <= 4000);

-- Families are searched by any part of a name, an email or a phone, and by a child's name: trigram indexes keep a
-- school of thousands of families as fast as one of ten.
create extension if not exists pg_trgm;
create index payees_search on payees using gin ((name || ' ' || email::text || ' ' || coalesce(phone, '')) gin_trgm_ops);
create index students_search on students using gin (name gin_trgm_ops);

-- The school asks a family it enrolled itself to the parent portal.
alter table email_log drop constraint email_log_template_check;
alter table email_log add constraint email_log_template_check check (template in (
    'booking_confirmation', 'provisional_notice', 'no_show_notice', 'make_up_invite', 'make_up_confirmation',
    'admin_alert', 'payment_failed', 'lesson_reminder', 'welcome', 'password_reset', 'verify_email', 'invitation',
    'booking_cancelled', 'card_expiring', 'renewal_notice', 'payment_receipt',
    'hold_expiring', 'hold_expired', 'new_student', 'student_left', 'absence_reported', 'booking_moved',
    'waitlist_offer', 'make_up_offer', 'portal_invitation'));
