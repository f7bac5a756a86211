create table org_units (
    id         bigint generated always as identity primary key,
    name       text not null check (length(name) between 1 and 120),
    parent_id  bigint references org_units (id) on delete restrict,
    created_at timestamptz not null default now()
);
create unique index org_units_name_uk on org_units (lower(name));
create index org_units_parent_idx on org_units (parent_id);

create table users (
    id                  bigint generated always as identity primary key,
    email               text not null check (length(email) between 3 and 254),
    password_hash       text,
    display_name        text not null check (length(display_name) between 1 and 120),
    role                text not null check (role in ('ADMIN', 'MEMBER', 'GUEST')),
    active              boolean not null default true,
    job_title           text,
    org_unit_id         bigint references org_units (id) on delete set null,
    location            text,
    phone               text,
    company             text,
    about               text not null default '',
    locale              text check (locale in ('de', 'en')),
    avatar              bytea,
    avatar_type         text,
    avatar_version      int not null default 0,
    password_changed_at timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create unique index users_email_uk on users (lower(email));
create index users_org_unit_idx on users (org_unit_id);
create index users_name_idx on users (lower(display_name));

create table user_skills (
    user_id bigint not null references users (id) on delete cascade,
    skill   text not null check (length(skill) between 1 and 60),
    primary key (user_id, skill)
);
create index user_skills_skill_idx on user_skills (lower(skill));

-- Invitations to join the company (admin invites by e-mail; the link is valid for a limited time)
create table user_invitations (
    id          bigint generated always as identity primary key,
    token_hash  text not null unique,
    email       text not null,
    role        text not null check (role in ('ADMIN', 'MEMBER', 'GUEST')),
    invited_by  bigint references users (id) on delete set null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    revoked_at  timestamptz
);
create index user_invitations_email_idx on user_invitations (lower(email));

-- Every login attempt; also the source of the per-account and per-IP rate limit (shared by all nodes)
create table login_attempts (
    id      bigint generated always as identity primary key,
    at      timestamptz not null default now(),
    email   text not null,
    ip      text not null,
    success boolean not null,
    reason  text
);
create index login_attempts_email_idx on login_attempts (lower(email), at);
create index login_attempts_ip_idx on login_attempts (ip, at);

-- Personal access tokens: shown once, stored as SHA-256 hash
create table api_tokens (
    id           bigint generated always as identity primary key,
    user_id      bigint not null references users (id) on delete cascade,
    name         text not null check (length(name) between 1 and 100),
    token_hash   text not null unique,
    scopes       text[] not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    expires_at   timestamptz,
    revoked_at   timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);
