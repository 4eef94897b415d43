-- Client companies: the tenants. The slug is what tokens carry in their `tenant` claim.
create table client_company (
    id          uuid primary key,
    slug        text        not null unique,
    name        text        not null,
    legal_name  text        not null,
    status      text        not null check (status in ('ACTIVE', 'SUSPENDED')),
    contacts    text        not null default '[]',
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create table community (
    id                        uuid primary key,
    tenant                    text        not null references client_company (slug),
    name                      text        not null,
    platform                  text        not null,
    external_id               text        not null,
    -- ordered ISO 639-1 codes, comma-separated: "fr,en"
    languages                 text        not null,
    time_zone                 text        not null,
    moderation_mode           text        not null check (moderation_mode in ('A_PRIORI', 'A_POSTERIORI')),
    decision_sla_minutes      integer     not null check (decision_sla_minutes > 0),
    reply_sla_minutes         integer     not null check (reply_sla_minutes > 0),
    coverage                  text        not null,
    callback_url              text,
    callback_secret_ref       text,
    webhook_verify_token_ref  text,
    status                    text        not null check (status in ('ACTIVE', 'ARCHIVED')),
    policy_version            integer     not null,
    version                   bigint      not null,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    -- the platform's id of a page is unique on that platform, whoever the tenant
    constraint community_platform_external_id unique (platform, external_id)
);
create index community_tenant_listing on community (tenant, created_at, id);
create index community_listing on community (created_at, id);

-- Every policy change is a new row; old versions stay readable (cases record the version they were decided under).
create table community_policy (
    community_id          uuid        not null references community (id),
    version               integer     not null,
    forbidden_categories  text        not null,
    blocked_terms         text        not null,
    allowed_terms         text        not null,
    auto_hide_threshold   numeric(4, 3) not null check (auto_hide_threshold between 0 and 1),
    senior_categories     text        not null,
    house_rules_text      text,
    house_rules_url       text,
    created_at            timestamptz not null,
    created_by            text        not null,
    primary key (community_id, version)
);

-- People, known by their Keycloak subject. Agency staff have no tenant; client staff have theirs.
create table staff_member (
    id            uuid primary key,
    subject       text        not null unique,
    display_name  text        not null,
    email         text,
    tenant        text references client_company (slug),
    languages     text        not null,
    status        text        not null check (status in ('ACTIVE', 'ARCHIVED')),
    version       bigint      not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

create table team (
    id          uuid primary key,
    tenant      text references client_company (slug),
    name        text        not null,
    status      text        not null check (status in ('ACTIVE', 'ARCHIVED')),
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create unique index team_name_per_tenant on team (coalesce(tenant, ''), lower(name));

create table team_member (
    team_id   uuid not null references team (id),
    staff_id  uuid not null references staff_member (id),
    primary key (team_id, staff_id)
);

-- A person or a team working on a community in a role; ending it keeps the row (who was assigned when).
create table assignment (
    id            uuid primary key,
    community_id  uuid        not null references community (id),
    staff_id      uuid references staff_member (id),
    team_id       uuid references team (id),
    role          text        not null check (role in ('MODERATOR', 'SENIOR_MODERATOR', 'COMMUNITY_MANAGER')),
    created_at    timestamptz not null,
    created_by    text        not null,
    ended_at      timestamptz,
    ended_by      text,
    constraint assignment_one_assignee check ((staff_id is null) <> (team_id is null))
);
create index assignment_by_community on assignment (community_id) where ended_at is null;
create index assignment_by_staff on assignment (staff_id) where ended_at is null;
create index assignment_by_team on assignment (team_id) where ended_at is null;
