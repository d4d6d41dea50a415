-- A consent withdrawn by an email's one-click unsubscribe link (CASL) is a line of the ledger like any other.
alter table consents drop constraint consents_how_check;
alter table consents add constraint consents_how_check check (how in ('page', 'api', 'import', 'email_link', 'migrated'));
