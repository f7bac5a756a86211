-- Files on a page, stored in the database so that a backup of PostgreSQL holds everything.
create table wiki_attachments (
    id           bigint generated always as identity primary key,
    page_id      bigint not null references wiki_pages (id) on delete cascade,
    name         text not null check (length(name) between 1 and 200),
    content_type text not null,
    size         bigint not null,
    data         bytea not null,
    uploaded_by  bigint references users (id) on delete set null,
    created_at   timestamptz not null default now()
);
create unique index wiki_attachments_name_uk on wiki_attachments (page_id, lower(name));
