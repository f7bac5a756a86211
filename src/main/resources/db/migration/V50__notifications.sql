-- In-app notifications. post_id/comment_id point into the stream module's tables and have no foreign key on
-- purpose: modules own their tables; a notification about a deleted post simply leads to a 404 page.
create table notifications (
    id          bigint generated always as identity primary key,
    user_id     bigint not null references users (id) on delete cascade,
    type        text not null check (type in ('MENTIONED', 'COMMENT_ON_MY_POST', 'COMMENT_ON_FOLLOWED_POST',
                                              'REACTION_ON_MY_POST', 'SPACE_INVITATION', 'JOIN_REQUEST',
                                              'JOIN_APPROVED')),
    space_id    bigint references spaces (id) on delete cascade,
    post_id     bigint,
    comment_id  bigint,
    -- the latest actor; for grouped rows the others are in notification_actors
    actor_id    bigint references users (id) on delete set null,
    actor_count int not null default 1,
    -- set for rows that collect repeated events (reactions to one post): one row per user and key
    group_key   text,
    created_at  timestamptz not null default now(),
    -- the list's sort key: a grouped row moves to the top when it is updated
    updated_at  timestamptz not null default now(),
    read_at     timestamptz
);
create unique index notifications_group_uk on notifications (user_id, group_key) where group_key is not null;
create index notifications_list_idx on notifications (user_id, updated_at desc, id desc);
create index notifications_unread_idx on notifications (user_id, space_id) where read_at is null;

-- Distinct people behind a grouped notification ("Anna and 3 others")
create table notification_actors (
    notification_id bigint not null references notifications (id) on delete cascade,
    actor_id        bigint not null references users (id) on delete cascade,
    primary key (notification_id, actor_id)
);

-- Per type: in app on/off; e-mail is reserved for a later release (always false until then)
create table notification_type_preferences (
    user_id bigint not null references users (id) on delete cascade,
    type    text not null,
    in_app  boolean not null,
    email   boolean not null default false,
    primary key (user_id, type)
);

-- Per space: ALL is the default and has no row
create table notification_space_preferences (
    user_id  bigint not null references users (id) on delete cascade,
    space_id bigint not null references spaces (id) on delete cascade,
    level    text not null check (level in ('MENTIONS_ONLY', 'MUTE')),
    primary key (user_id, space_id)
);

-- Live events for Server-Sent Events across nodes: written on commit, announced with NOTIFY kontor_events '<id>',
-- read by every node's LISTEN loop and by Last-Event-ID resumes. Exactly one audience per row. Old rows are pruned.
create table live_events (
    id         bigserial primary key,
    user_id    bigint,
    space_id   bigint,
    profile    boolean not null default false,
    type       text not null,
    payload    json not null,
    created_at timestamptz not null default now(),
    check (num_nonnulls(user_id, space_id) + case when profile then 1 else 0 end = 1)
);
create index live_events_created_idx on live_events (created_at);
create index live_events_user_idx on live_events (user_id, id) where user_id is not null;
