-- An appeal puts a decided case back in the queue, for another moderator than the one who decided.
alter table case_queue add column appeal_open boolean not null default false;
alter table case_queue add column action text;

-- Who wrote each message, kept beside the events rather than in them: an author's identifier is personal data that
-- may have to be erased, and the events can never change. Feeds the author's record shown with a case.
create table case_author (
    case_id       uuid primary key,
    community_id  uuid        not null,
    tenant        text        not null,
    author_id     text        not null,
    author_name   text,
    opened_at     timestamptz not null
);
create index case_author_by_author on case_author (community_id, author_id, opened_at);
