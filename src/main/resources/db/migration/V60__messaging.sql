-- Direct messages: one-to-one (DIRECT) and group conversations of up to 50 people
create table conversations (
    id              bigint generated always as identity primary key,
    kind            text not null check (kind in ('DIRECT', 'GROUP')),
    title           text check (title is null or length(title) between 1 and 120),
    -- "smallerId:largerId" for DIRECT conversations, so that two people have at most one
    direct_key      text unique check ((kind = 'DIRECT') = (direct_key is not null)),
    created_by      bigint references users (id) on delete set null,
    created_at      timestamptz not null default now(),
    last_message_at timestamptz
);

create table conversation_participants (
    conversation_id      bigint not null references conversations (id) on delete cascade,
    user_id              bigint not null references users (id) on delete cascade,
    joined_at            timestamptz not null default now(),
    -- a former participant keeps reading the history up to this moment, and nothing after it
    left_at              timestamptz,
    last_read_message_id bigint,
    primary key (conversation_id, user_id)
);
create index conversation_participants_user_idx on conversation_participants (user_id);

create table messages (
    id              bigint generated always as identity primary key,
    conversation_id bigint not null references conversations (id) on delete cascade,
    sender_id       bigint references users (id) on delete set null,
    body            text not null check (length(body) between 1 and 20000),
    body_html       text not null,
    created_at      timestamptz not null default now(),
    edited_at       timestamptz,
    deleted_at      timestamptz
);
create index messages_conversation_idx on messages (conversation_id, id);
-- the per-user send rate limit counts recent messages
create index messages_sender_idx on messages (sender_id, created_at);

-- Idempotency-Key of POST .../messages: a retried request returns the message the first one created
create table message_idempotency_keys (
    user_id    bigint not null references users (id) on delete cascade,
    key        text not null check (length(key) between 1 and 200),
    message_id bigint references messages (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (user_id, key)
);
