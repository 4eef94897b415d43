-- "id,id": the registry teams a shift works for; it then covers the communities those teams are assigned to
alter table shift add column teams text not null default '';
