-- What the moderator reads: each version of the message (text, media references, link). Kept beside the events,
-- never in them: content and authors are personal data that an erasure request must be able to remove.
create table case_content (
    case_id      uuid    not null,
    version      integer not null,
    text         text    not null,
    media        text    not null,   -- JSON list of media references (type, url, sha256, size)
    permalink    text,
    primary key (case_id, version)
);
