-- Parts of the demo content (Spring profile "demo") that are already loaded, so that a restart never loads them twice
create table demo_data (
    part      text primary key,
    version   int not null,
    loaded_at timestamptz not null default now()
);
