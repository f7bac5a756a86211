-- Blog articles: in a space's blog (space_id set) or in the author's own blog (space_id null: read like profile
-- posts by every active member or administrator, never by guests). Drafts and scheduled articles are read only by
-- their author (and, in a space, by its moderators). The cover image is stored here so cluster nodes share it.
create table blog_articles (
    id           bigint generated always as identity primary key,
    space_id     bigint references spaces (id) on delete cascade,
    author_id    bigint not null references users (id) on delete cascade,
    title        text not null check (length(title) between 1 and 200),
    teaser       text not null default '' check (length(teaser) <= 500),
    body         text not null default '' check (length(body) <= 50000),
    body_html    text not null default '',
    tags         text[] not null default '{}',
    state        text not null check (state in ('DRAFT', 'SCHEDULED', 'PUBLISHED')),
    publish_at   timestamptz,
    published_at timestamptz,
    -- the stream post that announced the article; its comments and reactions are the article's
    post_id      bigint,
    cover_type   text,
    cover        bytea,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    check ((state = 'SCHEDULED') = (publish_at is not null)),
    check ((state = 'PUBLISHED') = (published_at is not null))
);
create index blog_articles_space_idx on blog_articles (space_id, published_at desc, id desc) where state = 'PUBLISHED';
create index blog_articles_author_idx on blog_articles (author_id, published_at desc, id desc);
create index blog_articles_published_idx on blog_articles (published_at desc, id desc) where state = 'PUBLISHED';
create index blog_articles_due_idx on blog_articles (publish_at) where state = 'SCHEDULED';
