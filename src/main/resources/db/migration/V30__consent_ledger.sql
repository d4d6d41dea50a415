-- The consent ledger: every consent a family gives and every withdrawal, one row each, never changed (PIPEDA's
-- accountability, Québec's Law 25, CASL's proof of consent). A family's current choice is its latest row for the
-- purpose; the columns that act on it (a child's policy acceptance, the reminder switches on payees) are written in
-- the same transaction as the row that records it.
create table consents (
    school_id    uuid        not null references schools (id),
    id           uuid        not null default gen_random_uuid(),
    payee_id     uuid        not null,
    -- the child the school's policy was accepted for; none for a family's own choices
    student_id   uuid,
    purpose      text        not null check (purpose in ('school_policy', 'reminder_emails', 'reminder_texts', 'news')),
    granted      boolean     not null,
    at           timestamptz not null default now(),
    how          text        not null check (how in ('page', 'api', 'import', 'migrated')),
    by_whom      text        not null check (length(by_whom) between 1 and 320),
    -- a child under 14 cannot consent alone (Law 25, art. 4.1): the guardian consented for them
    for_child    boolean     not null default false,
    -- the SHA-256 of the text the family agreed to, where there was one
    text_version text        check (text_version ~ '^sha256:[0-9a-f]{64}$'),
    primary key (school_id, id),
    foreign key (school_id, payee_id) references payees (school_id, id),
    foreign key (school_id, student_id) references students (school_id, id),
    check ((purpose = 'school_policy') = (student_id is not null)),
    check (not for_child or student_id is not null)
);
create index consents_of_family on consents (school_id, payee_id, at);

alter table consents enable row level security;
alter table consents force row level security;
create policy consents_of_school on consents
    using (school_id = app_current_school()) with check (school_id = app_current_school());

create function consents_are_never_changed() returns trigger
    language plpgsql
    as $$
begin
    raise exception 'the consent ledger is append-only: record a new consent or withdrawal instead'
        using errcode = 'restrict_violation';
end $$;
create trigger consents_append_only before update or delete on consents
    for each row execute function consents_are_never_changed();

-- What was known before the ledger, as it was known: each child's acceptance of the policy and each family's reminder
-- switches (their time unknown: the family's last change). School by school, as row-level security binds the tables'
-- owner too when it is not a superuser (a single-user DATABASE_URL).
do $$
declare
    school uuid;
begin
    for school in select id from schools loop
        perform set_config('app.school_id', school::text, true);
        insert into consents (school_id, payee_id, student_id, purpose, granted, at, how, by_whom, for_child)
        select st.school_id, st.payee_id, st.id, 'school_policy', true, st.consent_policy_accepted_at, 'migrated',
               'family', st.birth_date > cast(st.consent_policy_accepted_at as date) - interval '14 years'
          from students st where st.school_id = school and st.consent_policy_accepted_at is not null;
        insert into consents (school_id, payee_id, purpose, granted, at, how, by_whom)
        select p.school_id, p.id, 'reminder_emails', p.reminder_emails, p.updated_at, 'migrated', 'family'
          from payees p where p.school_id = school;
        insert into consents (school_id, payee_id, purpose, granted, at, how, by_whom)
        select p.school_id, p.id, 'reminder_texts', not p.sms_opt_out, p.updated_at, 'migrated', 'family'
          from payees p where p.school_id = school;
    end loop;
    perform set_config('app.school_id', '', true);
end $$;
