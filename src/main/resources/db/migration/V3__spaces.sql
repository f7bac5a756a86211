create table spaces (
    id          bigint generated always as identity primary key,
    name        text not null check (length(name) between 2 and 80),
    description text not null default '' check (length(description) <= 2000),
    visibility  text not null check (visibility in ('PUBLIC', 'PRIVATE', 'SECRET')),
    archived_at timestamptz,
    created_by  bigint references users (id) on delete set null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create unique index spaces_name_uk on spaces (lower(name));

create table space_members (
    space_id  bigint not null references spaces (id) on delete cascade,
    user_id   bigint not null references users (id) on delete cascade,
    role      text not null check (role in ('OWNER', 'MODERATOR', 'MEMBER')),
    joined_at timestamptz not null default now(),
    primary key (space_id, user_id)
);
create index space_members_user_idx on space_members (user_id);

create table space_join_requests (
    space_id   bigint not null references spaces (id) on delete cascade,
    user_id    bigint not null references users (id) on delete cascade,
    message    text not null default '' check (length(message) <= 500),
    created_at timestamptz not null default now(),
    primary key (space_id, user_id)
);

create table space_invitations (
    space_id   bigint not null references spaces (id) on delete cascade,
    user_id    bigint not null references users (id) on delete cascade,
    role       text not null default 'MEMBER' check (role in ('MODERATOR', 'MEMBER')),
    invited_by bigint references users (id) on delete set null,
    created_at timestamptz not null default now(),
    primary key (space_id, user_id)
);
create index space_invitations_user_idx on space_invitations (user_id);
