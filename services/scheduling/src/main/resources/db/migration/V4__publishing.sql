-- Handing a due post to the client's publishing endpoint: attempts, when the next one is due, and what went wrong.
alter table post add column attempts        integer not null default 0;
alter table post add column next_attempt_at timestamptz;
alter table post add column last_status     integer;

-- the publisher reads only what waits for a (next) attempt
create index post_to_publish on post (next_attempt_at) where state = 'DUE';
