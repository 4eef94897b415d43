-- Axon's JDBC event store (JdbcEventStorageEngine with its default EventSchema), Jackson-serialised payloads.
-- The record an auditor replays: rows are appended, never updated or deleted (the trigger below refuses it).
create table domain_event_entry (
    global_index          bigserial    primary key,
    event_identifier      varchar(255) not null unique,
    aggregate_identifier  varchar(255) not null,
    sequence_number       bigint       not null,
    type                  varchar(255),
    time_stamp            varchar(255) not null,
    payload_type          varchar(255) not null,
    payload_revision      varchar(255),
    payload               bytea        not null,
    meta_data             bytea,
    constraint domain_event_entry_once unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    aggregate_identifier  varchar(255) not null,
    sequence_number       bigint       not null,
    type                  varchar(255) not null,
    event_identifier      varchar(255) not null unique,
    time_stamp            varchar(255) not null,
    payload_type          varchar(255) not null,
    payload_revision      varchar(255),
    payload               bytea        not null,
    meta_data             bytea,
    primary key (aggregate_identifier, sequence_number, type)
);

-- Where each streaming event processor (projection) stands in the event stream.
create table token_entry (
    processor_name  varchar(255) not null,
    segment         integer      not null,
    token           bytea,
    token_type      varchar(255),
    timestamp       varchar(255),
    owner           varchar(255),
    primary key (processor_name, segment)
);

create function refuse_event_change() returns trigger language plpgsql as $$
begin
    raise exception 'the event store is append-only: % on % refused', tg_op, tg_table_name;
end $$;
create trigger domain_event_entry_append_only before update or delete or truncate on domain_event_entry
    for each statement execute function refuse_event_change();

-- What moderation needs of each community, copied from community.* snapshots (the registry owns the data).
create table community_copy (
    id                    uuid primary key,
    tenant                text        not null,
    languages             text        not null,   -- "fr,en"
    decision_sla_minutes  integer     not null,
    status                text        not null,
    policy_version        integer     not null,
    staff                 text        not null,   -- JSON [{subject, role, languages}] of the people assigned
    revision              bigint      not null,
    copied_at             timestamptz not null
);

-- The work queue: one row per case, kept by the queue projection from the case events.
create table case_queue (
    case_id             uuid primary key,
    community_id        uuid        not null,
    tenant              text        not null,
    language            text,
    risk                integer     not null,
    suggested_category  text,
    status              text        not null,   -- OPEN, CLAIMED, DECIDED
    escalated           boolean     not null default false,
    claimant            text,
    lease_until         timestamptz,
    deadline            timestamptz not null,
    opened_at           timestamptz not null,
    decision            text,                   -- APPROVED, REJECTED
    decided_by          text,
    decided_at          timestamptz,
    category            text
);
-- the queue: undecided cases by deadline, then risk
create index case_queue_ranked on case_queue (deadline, risk desc) where status <> 'DECIDED';
create index case_queue_by_community on case_queue (community_id) where status <> 'DECIDED';
create index case_queue_leases on case_queue (lease_until) where status = 'CLAIMED';
