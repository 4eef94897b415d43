-- Platform tables, present in every service database. A repeatable migration written to be re-run safely
-- (if not exists), so that services list db/platform beside db/migration in quarkus.flyway.locations without
-- the platform taking version numbers from them. Change it only additively (add ... if not exists).

-- Events waiting to be published on vigie.events, written in the same transaction as the change they report.
create table if not exists outbox_event (
    seq            bigint generated always as identity primary key,
    id             uuid        not null unique,
    type           text        not null,
    version        integer     not null,
    occurred_at    timestamptz not null,
    tenant         text,
    correlation_id text,
    payload        jsonb       not null,
    published_at   timestamptz,
    attempts       integer     not null default 0,
    last_error     text
);

-- The relay only ever looks for what is still unpublished, in order.
create index if not exists outbox_event_unpublished on outbox_event (seq) where published_at is null;
create index if not exists outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Ids of events a consumer has already applied: the unique key makes a redelivery change nothing.
create table if not exists processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
