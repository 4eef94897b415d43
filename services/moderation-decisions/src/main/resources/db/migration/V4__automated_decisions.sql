-- The policy's automatic approval threshold (risk 0..1; null: a person decides every message).
alter table community_copy add column auto_approve_below numeric(4, 3);
