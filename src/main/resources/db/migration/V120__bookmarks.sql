-- Social bookmarks: a link saved by one person, privately (space_id null: only the owner reads it) or into a space
-- (the space's readers read it). url_key is the normalised address that "who else saved it" and popularity group by.
create table bookmarks (
    id         bigint generated always as identity primary key,
    owner_id   bigint not null references users (id) on delete cascade,
    space_id   bigint references spaces (id) on delete cascade,
    url        text not null check (length(url) between 1 and 2000),
    url_key    text not null,
    title      text not null check (length(title) between 1 and 300),
    note       text not null default '' check (length(note) <= 2000),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
-- one save of a link per person and place (privately, or per space)
create unique index bookmarks_owner_url_uk on bookmarks (owner_id, url_key, coalesce(space_id, 0));
create index bookmarks_owner_recent on bookmarks (owner_id, created_at desc, id desc);
create index bookmarks_space_recent on bookmarks (space_id, created_at desc, id desc) where space_id is not null;
create index bookmarks_url_key on bookmarks (url_key);
create index bookmarks_week on bookmarks (created_at) where space_id is not null;

create table bookmark_tags (
    bookmark_id bigint not null references bookmarks (id) on delete cascade,
    tag         text not null,
    primary key (bookmark_id, tag)
);
create index bookmark_tags_tag on bookmark_tags (tag, bookmark_id);
