-- What each person has read, for the home stream's "only unread" filter. A post also counts as read when the
-- person wrote it or when it is older than their "mark all as read" watermark; those are not stored per post.
create table post_reads (
    user_id bigint not null references users (id) on delete cascade,
    post_id bigint not null references posts (id) on delete cascade,
    read_at timestamptz not null default now(),
    primary key (user_id, post_id)
);
create index post_reads_post_idx on post_reads (post_id);

create table stream_read_marks (
    user_id         bigint primary key references users (id) on delete cascade,
    all_read_before timestamptz not null
);
