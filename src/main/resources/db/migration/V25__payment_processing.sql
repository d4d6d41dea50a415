-- Booking's record that the payment of an active enrollment is still processing (a pre-authorised debit takes days):
-- shown to the family and the school until the provider says it succeeded or failed.
alter table enrollments add column payment_processing_since timestamptz;
