-- A colleague vouches for one of a person's declared skills: one row per colleague per skill (lower case, so that
-- "SAP" and "sap" are the same skill). Rows for a skill the person no longer declares are removed with it.
create table skill_endorsements (
    user_id     bigint not null references users (id) on delete cascade,
    skill       text not null check (length(skill) between 1 and 60 and skill = lower(skill)),
    endorser_id bigint not null references users (id) on delete cascade,
    created_at  timestamptz not null default now(),
    primary key (user_id, skill, endorser_id),
    check (user_id <> endorser_id)
);
create index skill_endorsements_endorser_idx on skill_endorsements (endorser_id);

-- Privacy: a person can keep themselves out of the expert finder (their profile stays in the directory).
alter table users add column expert_finder_hidden boolean not null default false;
