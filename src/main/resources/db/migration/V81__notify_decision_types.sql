-- Notifications about decisions (requested, reminder before the deadline, decided) lead to the decision itself:
-- target_id is the id of the notification's subject in its own module when it is neither a space nor a post.
-- The type list keeps every earlier type (WIKI_PAGE_CHANGED came with V73).
alter table notifications add column target_id bigint;
alter table notifications drop constraint notifications_type_check;
alter table notifications add constraint notifications_type_check
    check (type in ('MENTIONED', 'COMMENT_ON_MY_POST', 'COMMENT_ON_FOLLOWED_POST', 'REACTION_ON_MY_POST',
                    'SPACE_INVITATION', 'JOIN_REQUEST', 'JOIN_APPROVED', 'WIKI_PAGE_CHANGED',
                    'DECISION_REQUESTED', 'DECISION_REMINDER', 'DECISION_CLOSED'));
