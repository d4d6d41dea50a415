-- The provider's price of a school's monthly plan, made once per amount and kept: a subscription names it instead of
-- an inline price (which made a new price object at the provider for every family). A school that changes its monthly
-- price gets a new row; the subscriptions made under the old one keep theirs.
create table billing_prices (
    school_id    uuid        not null references schools (id),
    plan         text        not null check (plan in ('monthly', 'semester', 'yearly')),
    amount_cents bigint      not null check (amount_cents >= 0),
    currency     text        not null check (currency ~ '^[A-Z]{3}$'),
    price_id     text        not null,
    created_at   timestamptz not null default now(),
    primary key (school_id, plan, amount_cents, currency)
);
alter table billing_prices enable row level security;
alter table billing_prices force row level security;
create policy billing_prices_of_school on billing_prices
    using (school_id = app_current_school()) with check (school_id = app_current_school());
