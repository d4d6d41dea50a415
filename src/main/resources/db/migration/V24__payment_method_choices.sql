-- The kinds of payment method a school offers families when they add one: cards, and Canadian pre-authorised debit
-- (Stripe's acss_debit, with a mandate collected by Checkout). At least one.
alter table schools add column payment_methods text[] not null default '{card}'
    check (cardinality(payment_methods) > 0 and payment_methods <@ array['card', 'acss_debit']);
