-- Whether a member is an external guest, copied from the person's role when they join. The spaces module never
-- reads the users table; this flag makes "this space has external people in it" one cheap query for every list.
alter table space_members add column guest boolean not null default false;
create index space_members_guest_idx on space_members (space_id) where guest;
create index space_join_requests_user_idx on space_join_requests (user_id);
