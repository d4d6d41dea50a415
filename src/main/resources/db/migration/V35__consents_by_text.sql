-- A family that texts STOP (or START) to the school's number withdraws (or gives again) its consent to lesson texts:
-- a line of the consent ledger like any other, by the phone that sent it.
alter table consents drop constraint consents_how_check;
alter table consents add constraint consents_how_check
    check (how in ('page', 'api', 'import', 'email_link', 'text_reply', 'migrated'));
