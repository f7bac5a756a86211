-- People who want to hear about changes to a page.
create table wiki_watches (
    page_id    bigint not null references wiki_pages (id) on delete cascade,
    user_id    bigint not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (page_id, user_id)
);
create index wiki_watches_user_idx on wiki_watches (user_id);

create table wiki_comments (
    id         bigint generated always as identity primary key,
    page_id    bigint not null references wiki_pages (id) on delete cascade,
    author_id  bigint references users (id) on delete set null,
    body       text not null check (length(body) between 1 and 10000),
    created_at timestamptz not null default now()
);
create index wiki_comments_page_idx on wiki_comments (page_id, id);

-- Page templates a space's owners and moderators (or administrators) add; the built-in ones live in the code.
create table wiki_templates (
    id         bigint generated always as identity primary key,
    space_id   bigint not null references spaces (id) on delete cascade,
    name       text not null check (length(name) between 1 and 100),
    body       text not null check (length(body) <= 200000),
    created_by bigint references users (id) on delete set null,
    created_at timestamptz not null default now()
);
create unique index wiki_templates_name_uk on wiki_templates (space_id, lower(name));
