-- Wiki pages of a space, in a tree. The text lives in revisions; the page points at its newest one.
create table wiki_pages (
    id                  bigint generated always as identity primary key,
    space_id            bigint not null references spaces (id) on delete cascade,
    parent_id           bigint references wiki_pages (id) on delete cascade,
    title               text not null check (length(title) between 1 and 200),
    position            int not null default 0,
    -- only the space's owners and moderators edit a restricted page; everyone who reads the space still reads it
    restricted          boolean not null default false,
    current_revision_id bigint,
    created_by          bigint references users (id) on delete set null,
    created_at          timestamptz not null default now(),
    updated_by          bigint references users (id) on delete set null,
    updated_at          timestamptz not null default now()
);
-- a title is unique among its siblings (top level: parent 0)
create unique index wiki_pages_sibling_title_uk on wiki_pages (space_id, coalesce(parent_id, 0), lower(title));
create index wiki_pages_title_idx on wiki_pages (space_id, lower(title));
create index wiki_pages_parent_idx on wiki_pages (parent_id, position, id);
create index wiki_pages_recent_idx on wiki_pages (space_id, updated_at desc, id desc);

-- Every save is a revision; a restore copies an old text into a new revision.
create table wiki_revisions (
    id         bigint generated always as identity primary key,
    page_id    bigint not null references wiki_pages (id) on delete cascade,
    title      text not null,
    body       text not null check (length(body) <= 200000),
    note       text not null default '' check (length(note) <= 300),
    author_id  bigint references users (id) on delete set null,
    created_at timestamptz not null default now()
);
create index wiki_revisions_page_idx on wiki_revisions (page_id, id desc);
alter table wiki_pages add constraint wiki_pages_current_fk
    foreign key (current_revision_id) references wiki_revisions (id) deferrable initially deferred;

-- The [[Page title]] links of each page's current text (lower-cased titles), for backlinks.
create table wiki_links (
    page_id    bigint not null references wiki_pages (id) on delete cascade,
    space_id   bigint not null,
    to_title   text not null,
    primary key (page_id, to_title)
);
create index wiki_links_target_idx on wiki_links (space_id, to_title);

create table wiki_labels (
    page_id  bigint not null references wiki_pages (id) on delete cascade,
    space_id bigint not null,
    label    text not null check (length(label) between 1 and 40 and label = lower(label)),
    primary key (page_id, label)
);
create index wiki_labels_label_idx on wiki_labels (space_id, label);
