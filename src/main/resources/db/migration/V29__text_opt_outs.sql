-- A phone that replied STOP to the deployment's texting number: no text goes to it, from any school, until it replies
-- START (CASL, and the carriers' rules for a shared number). Not tenant data: the number is the deployment's, and a
-- family's phone may be on the books of two schools. Only the number and when: not the message.
create table text_opt_outs (
    phone        text        primary key check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    opted_out_at timestamptz not null default now(),
    keyword      text        not null check (length(keyword) <= 16)
);

-- A text not sent because its number had opted out stays in the log, so the school sees why.
alter table text_messages drop constraint text_messages_status_check;
alter table text_messages add constraint text_messages_status_check
    check (status in ('queued', 'sent', 'failed', 'withheld'));
