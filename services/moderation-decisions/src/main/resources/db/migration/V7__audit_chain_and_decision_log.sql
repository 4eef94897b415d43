-- Tamper evidence (docs/adr/0009): a hash chain over the event store. Link n holds
-- SHA-256(hash of link n-1 || canonical form of one event); the chainer appends links in the order it sees the
-- events, one link per event. Append-only, like the events.
create table event_chain (
    chain_seq     bigint      primary key,
    global_index  bigint      not null unique,
    tenant        text,                   -- from the event's payload, hashed with it; null for platform events
    occurred_at   timestamptz not null,   -- the event's own time (Axon's time_stamp), hashed with it
    hash          bytea       not null,
    chained_at    timestamptz not null
);
create index event_chain_by_tenant on event_chain (tenant, occurred_at);
create index event_chain_by_time on event_chain (occurred_at);
create trigger event_chain_append_only before update or delete or truncate on event_chain
    for each statement execute function refuse_event_change();

-- Where the chainer stands: every event up to the watermark is chained (or is a hole left by a transaction that
-- rolled back); events above it that were not there yet when it passed are the holes it still waits for.
create table chain_state (
    id           integer     primary key check (id = 1),
    watermark    bigint      not null,    -- highest global_index chained so far
    holes        text        not null,    -- JSON {"<global_index>": <epoch millis first seen missing>}
    updated_at   timestamptz not null
);
insert into chain_state (id, watermark, holes, updated_at) values (1, 0, '{}', now());

-- The head of the chain at the end of each day (UTC), published as audit.chain-digest and logged: whoever kept a
-- digest can check that the history up to it was not rewritten.
create table chain_digest (
    day           date        primary key,
    chain_seq     bigint      not null,
    hash          bytea       not null,
    published_at  timestamptz not null
);
create trigger chain_digest_append_only before update or delete or truncate on chain_digest
    for each statement execute function refuse_event_change();

-- Every decision, appeal and automated action, one row per event, kept by the "audit" processor from the case
-- events: what auditors query by moderator, community and time, and what statements of reasons and transparency
-- reports are made of. Rebuildable from the events.
create table decision_log (
    event_id        text        primary key,
    case_id         uuid        not null,
    tenant          text        not null,
    community_id    uuid,
    kind            text        not null,   -- DECISION, APPEAL, APPEAL_DECISION, AUTO_HIDE
    decision        text,                   -- APPROVED, REJECTED (in force after the event)
    actor           text        not null,   -- moderator's subject, "policy" for automated decisions, appellant
    actor_role      text,
    automated       boolean     not null,
    category        text,
    ground          text,
    reference       text,
    explanation     text,
    action          text,
    appeal_outcome  text,                   -- UPHOLD, REVERSE
    policy_version  integer,
    language        text,
    opened_at       timestamptz,
    occurred_at     timestamptz not null
);
create index decision_log_by_tenant on decision_log (tenant, occurred_at);
create index decision_log_by_actor on decision_log (actor, occurred_at);
create index decision_log_by_community on decision_log (community_id, occurred_at);
create index decision_log_by_case on decision_log (case_id);
