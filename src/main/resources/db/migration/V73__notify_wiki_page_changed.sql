-- The notify module learns one new notification type for watched wiki pages (post_id holds the page id, as the
-- notification has no foreign key into the subject's table).
alter table notifications drop constraint notifications_type_check;
alter table notifications add constraint notifications_type_check
    check (type in ('MENTIONED', 'COMMENT_ON_MY_POST', 'COMMENT_ON_FOLLOWED_POST', 'REACTION_ON_MY_POST',
                    'SPACE_INVITATION', 'JOIN_REQUEST', 'JOIN_APPROVED', 'WIKI_PAGE_CHANGED'));
