-- Automated approvals: a policy may let moderation approve at once what triage rates below this risk.
alter table community_policy add column auto_approve_below numeric(4, 3)
    check (auto_approve_below between 0 and 1);
