-- Erasure (PIPEDA principle 4.5, Québec's Law 25 art. 28.1): a family that asks to be forgotten keeps only a
-- pseudonym, so that what the law makes a school keep (its invoices and payments) still adds up.

-- An erased family: its row stays (the ledger points at it) with a pseudonym for a name and an address that
-- delivers nowhere; when it was erased starts the count of the years its financial records are kept.
alter table payees drop constraint payees_status_check;
alter table payees add constraint payees_status_check check (status in ('active', 'inactive', 'erased'));
alter table payees add column erased_at timestamptz;
alter table payees add constraint payees_erased_when check ((status = 'erased') = (erased_at is not null));

-- An erased child keeps no birth date; only a removed child may be without one.
alter table students alter column birth_date drop not null;
alter table students add constraint students_birth_date_kept check (birth_date is not null or deleted_at is not null);

-- Published by families for the modules whose records of a family outlive its erasure (billing's ledger).
create view erased_payees with (security_invoker = true) as
select school_id, id as payee_id, erased_at from payees where status = 'erased';

-- The consent ledger stays append-only, except that erasure replaces who consented (an address) by the pseudonym:
-- the record that consent was given stays, the person does not. Only that column, only inside an erasure.
create or replace function consents_are_never_changed() returns trigger
    language plpgsql
    as $$
begin
    if tg_op = 'UPDATE' and current_setting('app.erasing', true) = 'on'
            and (to_jsonb(new) - 'by_whom') = (to_jsonb(old) - 'by_whom') then
        return new;
    end if;
    raise exception 'the consent ledger is append-only: record a new consent or withdrawal instead'
        using errcode = 'restrict_violation';
end $$;

-- Replaces, without regard to case, each of a family's values written anywhere in a text by its pseudonym: a value
-- only where it stands alone (not "Al" inside "Alice"). Patterns are regular expressions the caller escaped.
create function erase_values(value text, patterns text[], replacements text[]) returns text
    language plpgsql immutable
    as $$
declare
    i int;
begin
    if value is null then
        return null;
    end if;
    for i in 1 .. coalesce(array_length(patterns, 1), 0) loop
        value := regexp_replace(value, '(?<![[:alnum:]])(' || patterns[i] || ')(?![[:alnum:]])', replacements[i], 'gi');
    end loop;
    return value;
end $$;
