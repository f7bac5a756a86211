-- Search: every content change appends a row here in its own transaction; each node applies the rows to its own
-- Lucene index and remembers the last applied seq in the index's commit. Rows are deleted after a week.
create table search_outbox (
    seq        bigint generated always as identity primary key,
    doc_type   text not null check (length(doc_type) between 1 and 40),
    doc_id     bigint not null,
    op         text not null check (op in ('UPSERT', 'DELETE')),
    created_at timestamptz not null default now()
);
create index search_outbox_created_idx on search_outbox (created_at);

-- The highest seq the cleanup has deleted: a node whose index is behind it missed rows and rebuilds.
create table search_outbox_horizon (
    id            int primary key check (id = 1),
    deleted_up_to bigint not null
);
insert into search_outbox_horizon (id, deleted_up_to) values (1, 0);
