-- Sign-in attempts counted per client address and per account, in the database so that the limit
-- holds across every instance of the application. Not tenant data: an address is no school's.
create table rate_limit_counters (
    key               text        primary key,
    window_started_at timestamptz not null,
    hits              int         not null check (hits > 0)
);
create index rate_limit_counters_window_idx on rate_limit_counters (window_started_at);
