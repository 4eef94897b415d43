-- What intake needs of each community, copied from community.* events (the registry owns the data).
create table community_copy (
    id                        uuid primary key,
    tenant                    text          not null,
    platform                  text          not null,
    external_id               text          not null,
    languages                 text          not null,          -- "fr,en"
    moderation_mode           text          not null,
    status                    text          not null,
    callback_url              text,
    callback_secret_ref       text,
    webhook_verify_token_ref  text,
    blocked_terms             text          not null,          -- JSON {lang: [terms]}
    allowed_terms             text          not null,
    auto_hide_threshold       numeric(4, 3) not null,
    policy_version            integer       not null,
    staff_subjects            text          not null,          -- ",sub1,sub2," for visibility of assigned staff
    revision                  bigint        not null,
    copied_at                 timestamptz   not null
);
create unique index community_copy_platform_page on community_copy (platform, external_id);

create table message (
    id               uuid primary key,
    community_id     uuid        not null references community_copy (id),
    tenant           text        not null,
    external_id      text        not null,
    thread_id        text,
    parent_id        text,
    author_id        text,
    author_name      text,
    permalink        text,
    posted_at        timestamptz,
    received_at      timestamptz not null,
    -- RECEIVED while on the platform, REMOVED when its author or the platform removed it
    status           text        not null,
    -- PENDING until moderation decides, then APPROVED or REJECTED
    decision         text        not null,
    hidden           boolean     not null,
    current_version  integer     not null,
    risk             integer     not null,
    constraint message_once_per_community unique (community_id, external_id)
);
-- listings page newest first by id (UUID v7 follows arrival time), within a tenant or a community
create index message_by_tenant on message (tenant, id desc);
create index message_by_community on message (community_id, id desc);
create index message_by_received_at on message (received_at);
create index message_by_author on message (tenant, author_id);

-- Every version of a message (edits on the platform), each with its own triage.
create table message_version (
    message_id          uuid        not null references message (id),
    tenant              text        not null,   -- copied from message: repeats are counted per tenant from this table alone
    version             integer     not null,
    text                text        not null,
    media               text        not null,   -- JSON list of media references
    language            text,
    risk                integer     not null,
    suggested_category  text,
    rules               text        not null,   -- JSON list of rules that fired, with spans
    fingerprint         text        not null,
    received_at         timestamptz not null,
    primary key (message_id, version)
);
-- counting the same text seen recently in a tenant (spam signal)
create index message_version_fingerprint on message_version (tenant, fingerprint, received_at);
