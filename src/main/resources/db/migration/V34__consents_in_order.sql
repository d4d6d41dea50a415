-- A family's ledger in the order it was written: two lines of one transaction share now(), so the time alone cannot
-- say which came last (a preference change writes its emails line, then its texts line).
alter table consents add column seq bigint generated always as identity;
create index consents_in_order on consents (school_id, payee_id, purpose, seq);
