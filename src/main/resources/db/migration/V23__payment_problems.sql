-- Booking's own record that an active enrollment's payment failed and is not yet made good (set and cleared through
-- its facade by billing, from the provider's events): shown to the family and the school, and ended after the
-- school's grace period.
alter table enrollments
    add column payment_problem_since timestamptz,
    add column payment_problem       text check (length(payment_problem) <= 500),
    add constraint enrollments_payment_problem_pairs check ((payment_problem_since is null) = (payment_problem is null));
create index enrollments_payment_problems on enrollments (school_id, payment_problem_since)
    where payment_problem_since is not null;

-- How long a family whose payment failed keeps its slot while the provider retries and the family replaces its card.
alter table schools add column payment_grace_days int not null default 14 check (payment_grace_days between 1 and 90);

-- The family is told when its enrollment ends for non-payment (and, later, for any other reason the school gives).
alter table email_log drop constraint email_log_template_check;
alter table email_log add constraint email_log_template_check check (template in (
    'booking_confirmation', 'provisional_notice', 'no_show_notice', 'make_up_invite', 'make_up_confirmation',
    'admin_alert', 'payment_failed', 'lesson_reminder', 'welcome', 'password_reset', 'verify_email', 'invitation',
    'booking_cancelled', 'card_expiring'));

-- The card whose coming expiry the family was told of, so that each card is announced once.
alter table billing_customers add column expiry_notice_sent_for text;
