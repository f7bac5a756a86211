-- Files of a space, stored in PostgreSQL (so that every cluster node serves them and one backup holds everything).
create table file_folders (
    id         bigint generated always as identity primary key,
    space_id   bigint not null references spaces (id) on delete cascade,
    parent_id  bigint references file_folders (id) on delete cascade,
    name       text not null check (length(name) between 1 and 200),
    created_by bigint references users (id) on delete set null,
    created_at timestamptz not null default now()
);
create unique index file_folders_name_uk on file_folders (space_id, coalesce(parent_id, 0), lower(name));

-- uploaded_by is who created the file: they (or a moderator) may delete it
create table files (
    id          bigint generated always as identity primary key,
    space_id    bigint not null references spaces (id) on delete cascade,
    folder_id   bigint references file_folders (id) on delete cascade,
    name        text not null check (length(name) between 1 and 200),
    uploaded_by bigint references users (id) on delete set null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create unique index files_name_uk on files (space_id, coalesce(folder_id, 0), lower(name));

-- the current version of a file is the one with the highest number; restoring adds a new version
create table file_versions (
    id             bigint generated always as identity primary key,
    file_id        bigint not null references files (id) on delete cascade,
    number         int not null,
    content_type   text not null,
    size           bigint not null check (size > 0),
    sha256         text not null,
    uploaded_by    bigint references users (id) on delete set null,
    restored_from  int,
    created_at     timestamptz not null default now(),
    -- plain text for search, extracted once outside the upload (null: not extracted yet)
    extracted_text text,
    unique (file_id, number)
);

-- the bytes in chunks of at most 1 MiB: written and read one chunk at a time, never a whole file in memory
create table file_chunks (
    version_id bigint not null references file_versions (id) on delete cascade,
    seq        int not null,
    data       bytea not null,
    primary key (version_id, seq)
);

-- rendered page-1 thumbnails of PDF versions
create table file_previews (
    version_id bigint primary key references file_versions (id) on delete cascade,
    png        bytea not null,
    created_at timestamptz not null default now()
);
