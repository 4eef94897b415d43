-- Enforcement callbacks to client systems: one row per decision to deliver, retried until delivered or dead.
create table callback_delivery (
    id               uuid primary key,
    event_id         uuid        not null unique,     -- the case.decided event: one delivery per event, however often consumed
    message_id       uuid        not null references message (id),
    community_id     uuid        not null,
    tenant           text        not null,
    url              text        not null,
    payload          text        not null,
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_status      integer,
    last_error       text,
    created_at       timestamptz not null,
    delivered_at     timestamptz
);
create index callback_delivery_due on callback_delivery (next_attempt_at) where status = 'PENDING';
create index callback_delivery_by_message on callback_delivery (message_id);
create index callback_delivery_dead on callback_delivery (tenant, created_at) where status = 'DEAD';
