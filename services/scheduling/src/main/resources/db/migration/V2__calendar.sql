-- Scheduling's copy of each community, kept from the registry's community.* snapshots (newest revision wins).
create table community_copy (
    id                  uuid        primary key,
    tenant              text        not null,
    name                text        not null,
    time_zone           text        not null,
    -- "fr,en"
    languages           text        not null,
    reply_sla_minutes   integer     not null,
    -- the coverage promise as the snapshot gives it: {"mode": "ALWAYS" | "OPENING_HOURS", "hours": {...}}
    coverage            text        not null,
    callback_url        text,
    callback_secret_ref text,
    status              text        not null,
    -- [{"subject", "displayName", "role", "languages", "viaTeam"}]
    staff               text        not null,
    revision            bigint      not null,
    copied_at           timestamptz not null
);

-- Posts of the editorial calendar. planned_at is the instant; the community's time zone says what day it falls on.
create table post (
    id              uuid        primary key,
    tenant          text        not null,
    community_id    uuid        not null references community_copy (id),
    text            text        not null,
    -- ["https://…", …]
    media           text        not null default '[]',
    planned_at      timestamptz not null,
    author          text        not null,
    author_name     text,
    state           text        not null,
    -- what the client asked to change, while CHANGES_REQUESTED
    review_comment  text,
    approved_by     text,
    approved_at     timestamptz,
    scheduled_by    text,
    due_at          timestamptz,
    published_at    timestamptz,
    external_id     text,
    permalink       text,
    failure         text,
    -- optimistic lock: each change says which version it saw (If-Match)
    version         integer     not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

-- calendar views: a community's posts, or a tenant's, in a time range
create index post_by_community_time on post (community_id, planned_at);
create index post_by_tenant_time on post (tenant, planned_at);
-- the due-post job reads only what is scheduled, in order of time
create index post_scheduled on post (planned_at) where state = 'SCHEDULED';

-- What happened to each post, by whom: the client's approvals and requests for changes stay visible.
create table post_history (
    id         bigint      generated always as identity primary key,
    post_id    uuid        not null references post (id),
    at         timestamptz not null,
    actor      text        not null,
    action     text        not null,
    state      text        not null,
    comment    text
);
create index post_history_by_post on post_history (post_id, id);
