-- The simulated provider's own record of what was charged to each test card (as Stripe keeps its own): a card that
-- declines after its first charge needs to know which charge it is. No school data: payment method ids only.
create table simulated_card_charges (
    payment_method text primary key,
    charges        int  not null check (charges > 0)
);
