-- Plans that stay right through a rush of bookings.

-- The simulated gateway finds the family's card by their Stripe customer on every billing run, which read the whole
-- payees table without this index.
create index payees_stripe_customer on payees (stripe_customer_id) where stripe_customer_id is not null;

-- The expiry sweep's index also matched every lookup of one hold by its key ("… and status = 'provisional'").
-- Planned while few holds existed, those lookups then read the whole index during a rush, once per billing run.
-- A predicate the lookups do not state (and the sweep's "provisional_expires_at < now()" implies) keeps the index
-- to the sweep; a check constraint already makes it true of every provisional enrollment.
drop index enrollments_provisional_expiry_idx;
create index enrollments_provisional_expiry_idx on enrollments (provisional_expires_at)
    where status = 'provisional' and provisional_expires_at is not null;
