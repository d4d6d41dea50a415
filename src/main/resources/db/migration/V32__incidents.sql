-- The register of privacy incidents (PIPEDA s. 10.3: a record of every breach of security safeguards involving
-- personal information, kept at least 24 months and shown to the Commissioner on request): what happened, when it was
-- found, what and whom it touched, whether it risks significant harm, and who was told. Entries are completed as the
-- school learns more (each change audited) and never deleted.
create table incidents (
    school_id          uuid        not null references schools (id),
    id                 uuid        not null default gen_random_uuid(),
    what_happened      text        not null check (length(what_happened) between 1 and 4000),
    happened_on        date,
    found_on           date        not null,
    data_affected      text        not null check (length(data_affected) between 1 and 2000),
    families_affected  int         not null check (families_affected >= 0),
    significant_harm   boolean     not null,
    notifications_made text        not null default '' check (length(notifications_made) <= 4000),
    recorded_by        text        not null,
    recorded_at        timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    primary key (school_id, id),
    check (happened_on is null or happened_on <= found_on)
);
create index incidents_by_date on incidents (school_id, found_on desc);

alter table incidents enable row level security;
alter table incidents force row level security;
create policy incidents_of_school on incidents
    using (school_id = app_current_school()) with check (school_id = app_current_school());

create function incidents_are_kept() returns trigger
    language plpgsql
    as $$
begin
    raise exception 'a privacy incident is kept on the register: complete it instead of deleting it'
        using errcode = 'restrict_violation';
end $$;
create trigger incidents_never_deleted before delete on incidents
    for each row execute function incidents_are_kept();
