-- The console for a school of hundreds of families.

-- What the school notes about a family (a custody arrangement, who collects the child): the school's, shown to its
-- admins on the family page and to the family in its export.
alter table payees add column notes text not null default '' check (length(notes) <= 4000);

-- Families are searched by any part of a name, an email or a phone, and by a child's name: trigram indexes keep a
-- school of thousands of families as fast as one of ten.
create extension if not exists pg_trgm;
create index payees_search on payees using gin ((name || ' ' || email::text || ' ' || coalesce(phone, '')) gin_trgm_ops);
create index students_search on students using gin (name gin_trgm_ops);
