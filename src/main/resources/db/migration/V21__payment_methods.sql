-- What a family sees of the payment method on file: a card's brand, last four digits and expiry, or a bank debit's
-- bank and last four. Learned from the provider when the method becomes the family's default; never the number.
alter table billing_customers
    add column method_type      text check (method_type in ('card', 'acss_debit')),
    add column method_brand     text,
    add column method_last4     text check (method_last4 ~ '^[0-9]{4}$'),
    add column method_exp_month int  check (method_exp_month between 1 and 12),
    add column method_exp_year  int  check (method_exp_year between 2000 and 2200),
    add column method_bank      text;

-- Billing publishes what the portal shows of it: the method on file, beside whether there is one.
create or replace view family_payment_methods with (security_invoker = true) as
select school_id, payee_id, default_payment_method is not null as has_payment_method,
       method_type, method_brand, method_last4, method_exp_month, method_exp_year, method_bank
  from billing_customers;
