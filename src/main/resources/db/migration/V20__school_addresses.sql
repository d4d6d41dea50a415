-- A school's own domain (lessons.example.org): a request whose Host is it selects the school, and every link the app
-- makes for the school starts with it. Lower-case host names only, unique across the deployment.
alter table schools add column custom_domain text
    check (custom_domain ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$'
           and length(custom_domain) <= 253);
create unique index schools_custom_domain_unique on schools (custom_domain) where custom_domain is not null;
