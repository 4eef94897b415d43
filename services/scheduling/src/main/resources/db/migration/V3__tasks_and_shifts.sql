-- Who is on duty: one row per shift of one person, with the skills that shift brings.
create table shift (
    id           uuid        primary key,
    tenant       text        not null,
    person       text        not null,
    person_name  text,
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    -- the zone the shift was planned in (its local times are shown in it)
    time_zone    text        not null,
    -- "fr,en": the languages the person answers in during this shift
    languages    text        not null,
    -- "id,id": the communities the shift covers; empty: every community of the tenant the person manages
    communities  text        not null default '',
    created_by   text        not null,
    created_at   timestamptz not null,
    check (ends_at > starts_at)
);
create index shift_by_tenant_time on shift (tenant, starts_at);
create index shift_by_person_time on shift (person, starts_at);

-- Replies community management owes: from moderation (case.needs-reply), from opinion watch, or by hand.
create table reply_task (
    id             uuid        primary key,
    tenant         text        not null,
    community_id   uuid        not null references community_copy (id),
    -- CASE, ALERT or MANUAL, and the id there (a case id): one task per source item
    source         text        not null,
    source_id      text        not null,
    message_id     uuid,
    language       text        not null,
    note           text,
    requested_by   text        not null,
    requested_at   timestamptz not null,
    deadline       timestamptz not null,
    state          text        not null,
    assignee       text,
    assignee_shift uuid        references shift (id) on delete set null,
    assigned_at    timestamptz,
    overdue_at     timestamptz,
    done_at        timestamptz,
    done_by        text,
    reply_text     text,
    reply_link     text,
    version        integer     not null default 0,
    created_at     timestamptz not null,
    unique (source, source_id)
);
create index reply_task_open_by_deadline on reply_task (deadline) where state = 'OPEN';
create index reply_task_by_tenant on reply_task (tenant, state, deadline);
create index reply_task_by_assignee on reply_task (assignee) where state = 'OPEN';
