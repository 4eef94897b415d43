-- The queue is read per community, best first: with a million waiting cases, each community's page is an index
-- range read that stops after a few rows (QueueRows.waiting).
create index case_queue_waiting on case_queue (community_id, deadline, risk desc) where status <> 'DECIDED';
drop index case_queue_by_community;
