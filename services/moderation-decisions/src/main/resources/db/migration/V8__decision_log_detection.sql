-- What statements of reasons need to say about each decision: whether the content was detected by automated means
-- (triage fired a rule or suggested a category), and for automatic hiding the category triage suggested.
alter table decision_log add column automated_detection boolean not null default false;
alter table decision_log add column suggested_category text;
