-- Posts in a space (space_id set) or on the author's profile (space_id null). Soft delete keeps the record.
create table posts (
    id             bigint generated always as identity primary key,
    space_id       bigint references spaces (id) on delete cascade,
    author_id      bigint not null references users (id) on delete cascade,
    body           text not null check (length(body) between 1 and 20000),
    body_html      text not null,
    created_at     timestamptz not null default now(),
    edited_at      timestamptz,
    deleted_at     timestamptz,
    deleted_by     bigint references users (id) on delete set null,
    pinned_at      timestamptz,
    pinned_by      bigint references users (id) on delete set null,
    comment_count  int not null default 0,
    reaction_count int not null default 0
);
-- The stream indexes of STACK.md ("Home stream query at 1M posts"): every branch reads newest-first from an index.
create index posts_space_idx on posts (space_id, created_at desc, id desc) where deleted_at is null;
create index posts_author_idx on posts (author_id, created_at desc, id desc) where deleted_at is null;
create index posts_pinned_idx on posts (space_id, pinned_at desc) where pinned_at is not null and deleted_at is null;

-- The text before each edit; readers of the post see the history.
create table post_revisions (
    id         bigint generated always as identity primary key,
    post_id    bigint not null references posts (id) on delete cascade,
    body       text not null,
    body_html  text not null,
    created_at timestamptz not null,
    replaced_at timestamptz not null default now(),
    editor_id  bigint references users (id) on delete set null
);
create index post_revisions_post_idx on post_revisions (post_id, id);

-- Comments with one level of replies (parent_id points to a top-level comment of the same post).
create table comments (
    id         bigint generated always as identity primary key,
    post_id    bigint not null references posts (id) on delete cascade,
    parent_id  bigint references comments (id) on delete cascade,
    author_id  bigint not null references users (id) on delete cascade,
    body       text not null check (length(body) between 1 and 20000),
    body_html  text not null,
    created_at timestamptz not null default now(),
    edited_at  timestamptz,
    deleted_at timestamptz,
    deleted_by bigint references users (id) on delete set null
);
create index comments_post_idx on comments (post_id, created_at, id);
-- posts + comments of one author in the last seconds (the posting rate limit)
create index comments_author_idx on comments (author_id, created_at);

create table reactions (
    post_id    bigint not null references posts (id) on delete cascade,
    user_id    bigint not null references users (id) on delete cascade,
    reaction   text not null check (reaction in ('thumbsup', 'heart', 'tada', 'smile', 'thinking', 'eyes')),
    created_at timestamptz not null default now(),
    primary key (post_id, user_id, reaction)
);

-- space_id and created_at are copied from the post (they never change) so that the tag and mention branches of a
-- stream read newest-first from one index and filter by readable spaces without touching posts.
create table post_tags (
    tag        text not null check (length(tag) between 1 and 50 and tag = lower(tag)),
    post_id    bigint not null references posts (id) on delete cascade,
    space_id   bigint,
    created_at timestamptz not null,
    deleted_at timestamptz,
    primary key (post_id, tag)
);
create index post_tags_tag_idx on post_tags (tag, created_at desc, post_id desc) where deleted_at is null;
create index post_tags_recent_idx on post_tags (created_at) where deleted_at is null;

create table mentions (
    user_id    bigint not null references users (id) on delete cascade,
    post_id    bigint not null references posts (id) on delete cascade,
    comment_id bigint references comments (id) on delete cascade,
    space_id   bigint,
    created_at timestamptz not null,
    deleted_at timestamptz
);
create unique index mentions_uk on mentions (user_id, post_id, coalesce(comment_id, 0));
create index mentions_user_idx on mentions (user_id, created_at desc, post_id desc) where deleted_at is null;

create table follows (
    user_id     bigint not null references users (id) on delete cascade,
    target_type text not null check (target_type in ('USER', 'SPACE', 'TAG', 'POST')),
    target_key  text not null check (length(target_key) between 1 and 50),
    created_at  timestamptz not null default now(),
    primary key (user_id, target_type, target_key)
);
create index follows_target_idx on follows (target_type, target_key);

create table space_mutes (
    user_id    bigint not null references users (id) on delete cascade,
    space_id   bigint not null references spaces (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (user_id, space_id)
);

-- The first response to a POST with an Idempotency-Key, replayed for a repeated request of the same user.
create table idempotency_keys (
    user_id      bigint not null references users (id) on delete cascade,
    key          text not null check (length(key) between 1 and 200),
    request_hash text not null,
    status       int not null default 0,
    body         text,
    location     text,
    created_at   timestamptz not null default now(),
    primary key (user_id, key)
);
