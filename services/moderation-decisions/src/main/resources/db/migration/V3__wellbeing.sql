-- Moderator wellbeing: each decision on violent, threatening, sexual or hateful content counts as one exposure.
create table exposure (
    moderator   text        not null,
    case_id     uuid        not null,
    tenant      text        not null,
    category    text        not null,
    decided_at  timestamptz not null,
    primary key (moderator, case_id)
);
create index exposure_by_moderator on exposure (moderator, decided_at);
create index exposure_by_time on exposure (decided_at);

-- The most exposures a team's moderators take per shift before claim-next stops giving them such content.
create table exposure_cap (
    team_id  uuid primary key,
    cap      integer     not null check (cap >= 0),
    set_by   text        not null,
    set_at   timestamptz not null
);
