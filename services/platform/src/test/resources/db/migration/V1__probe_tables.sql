create table probe_note (
    id     uuid primary key,
    tenant text not null,
    body   text not null
);

create table probe_counter (
    name  text primary key,
    value integer not null
);
