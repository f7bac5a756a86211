-- The posting rate limit counts a person's posts of the last seconds, deleted ones included; the partial author
-- index (deleted_at is null) cannot answer that, so at 1M posts every post create scanned the table (2.2 s each,
-- found by bench/: post_create at 5 posts/s with PostgreSQL on 1.7 cores).
create index posts_author_recent_idx on posts (author_id, created_at);
