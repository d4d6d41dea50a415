-- Revenue by month and plan for the term so far: the SQL the application runs for it, run by pgbench beside the application in bench/console/run.sh.
with entries as (
    select to_char(l.occurred_at at time zone 'America/Vancouver', 'YYYY-MM') as month, coalesce(e.billing_plan, 'none') as plan,
           l.currency, l.kind, l.status, l.amount_cents,
           l.kind = 'adjustment' and exists (select 1 from ledger_entries c where c.school_id = l.school_id and c.kind = 'charge'
                                                and c.status = 'open' and c.provider_ref = l.provider_ref) as discounts_open_charge
      from ledger_entries l left join enrollments e on e.school_id = l.school_id and e.id = l.enrollment_id
     where l.school_id = cast(:school as uuid) and l.occurred_at >= cast(:from as date) and l.occurred_at < cast(:to as date) + 1
       and l.status not in ('failed', 'void'))
select month, plan, currency,
       coalesce(sum(amount_cents) filter (where kind in ('charge', 'adjustment')), 0),
       coalesce(-sum(amount_cents) filter (where kind = 'payment' and status = 'paid'), 0),
       coalesce(sum(amount_cents) filter (where kind = 'refund'), 0),
       coalesce(sum(amount_cents) filter (where kind = 'charge' and status = 'open' or discounts_open_charge), 0)
  from entries group by month, plan, currency order by month, plan;
